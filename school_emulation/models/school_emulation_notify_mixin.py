from odoo import models
from odoo.tools import plaintext2html


class SchoolEmulationNotifyMixin(models.AbstractModel):
    """Every step tells the next person: a to-do activity for who must act next
    (Odoo notifies its assignee in the inbox or by e-mail, as the person chose),
    or a notification for who only needs to know. Each text is written in the
    recipient's language (the interface of a Vietnamese school is Vietnamese).

    ``texts(record)`` gives ``(summary, note)``; it is called on the record in the
    recipient's language, so ``record.env._("...")`` translates for that person.
    Who is told at each step is the models' policy (``_se_*_recipients``
    methods), which a deployment overrides with ``_inherit``.
    """

    _name = "school.emulation.notify.mixin"
    _description = "Step Notifications"

    def _se_recipient_lang(self, user):
        """The recipient's language when it is installed, else the current one."""
        installed = dict(self.env["res.lang"].get_installed())
        if user.lang in installed:
            return user.lang
        return self.env.lang if self.env.lang in installed else "en_US"

    def _se_school_officers(self):
        """``{record: res.users}``: the emulation officers of each record's school
        (``res.users._se_officers``), in one search."""
        officers = self.env["res.users"]._se_officers(self.company_id)
        return {
            rec: officers.filtered(lambda u, rec=rec: rec.company_id in u.company_ids)
            for rec in self
        }

    def _se_schedule(self, targets, activity_xmlid, texts, deadline=None):
        """One activity of type ``activity_xmlid`` per record and user of
        ``targets`` (``{record: res.users}``), due on ``deadline`` (a date, or a
        function of the record; empty: the school's today). A person who already
        has an open one of that type on the record keeps it (its date moved), so a
        step repeated never piles up to-dos. Server code, after the step's checks."""
        Activity = self.env["mail.activity"].sudo()
        activity_type = self.env.ref(activity_xmlid)
        records = self.browse([rec.id for rec in targets])
        existing = {
            (act.res_id, act.user_id.id): act
            for act in Activity.search(
                [
                    ("res_model", "=", self._name),
                    ("res_id", "in", records.ids),
                    ("activity_type_id", "=", activity_type.id),
                ]
            )
        }
        model_id = self.env["ir.model"]._get_id(self._name)
        vals_list = []
        for rec, users in targets.items():
            due = deadline(rec) if callable(deadline) else deadline
            due = due or self._se_today(rec.company_id)
            for user in users.filtered(lambda u: u.active and not u.share):
                current = existing.get((rec.id, user.id))
                if current:
                    if current.date_deadline != due:
                        current.date_deadline = due
                    continue
                summary, note = texts(
                    rec.with_context(lang=self._se_recipient_lang(user))
                )
                vals_list.append(
                    {
                        "res_model_id": model_id,
                        "res_id": rec.id,
                        "activity_type_id": activity_type.id,
                        "summary": summary,
                        "note": plaintext2html(note or ""),
                        "date_deadline": due,
                        "user_id": user.id,
                    }
                )
        return Activity.create(vals_list)

    def _se_close(self, activity_xmlid, users=None, feedback=None):
        """Mark done the open activities of ``activity_xmlid`` on these records
        (of ``users`` only, when given): the step they asked for is done."""
        activity_type = self.env.ref(activity_xmlid)
        domain = [
            ("res_model", "=", self._name),
            ("res_id", "in", self.ids),
            ("activity_type_id", "=", activity_type.id),
        ]
        if users is not None:
            domain.append(("user_id", "in", users.ids))
        activities = self.env["mail.activity"].sudo().search(domain)
        if activities:
            activities.action_feedback(feedback=feedback)

    def _se_inform(self, targets, texts):
        """A notification (inbox, or e-mail as the person chose) to each user of
        ``targets`` (``{record: res.users}``), for who needs to know but has
        nothing to do. Not posted in the chatter: it is addressed to the person."""
        for rec, users in targets.items():
            by_lang = {}
            for user in users.filtered(lambda u: u.active and u.partner_id):
                lang = self._se_recipient_lang(user)
                by_lang[lang] = by_lang.get(lang, user.browse()) | user
            for lang, group in by_lang.items():
                local = rec.with_context(lang=lang)
                summary, note = texts(local)
                local.sudo().message_notify(
                    partner_ids=group.partner_id.ids,
                    subject=summary,
                    body=note,
                    email_layout_xmlid="mail.mail_notification_light",
                )
