import base64

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..tools import voting


def _b64(data):
    return base64.b64encode(data).decode()


def _unb64(text):
    return base64.b64decode(text)


class SchoolEmulationBallotBoxMixin(models.AbstractModel):
    """A sealed ballot box on a record that holds a secret ballot (a council
    session, the acclamation ballot of an emulation block).

    - ``_ballot_box_open(passphrase)``: a key pair for this record; the public key
      is stored, the private key only encrypted under the counting board's
      passphrase (scrypt). The passphrase is never stored; without it the ballots
      cannot be counted and the vote is held again.
    - ``_ballot_box_seal(race, yes_ids)``: one sealed row (fixed-length ciphertext,
      no voter, no access-log columns). The caller writes the voter row in the same
      call; no row anywhere holds a choice next to a voter.
    - ``_ballot_box_close(passphrase)``: opens every sealed row in memory, checks
      their number against the voters, returns the tallies and deletes the sealed
      rows and the key material.

    Models set the hooks ``_ballot_races`` (``{race: candidate recordset}``) and
    ``_ballot_voter_count``, and ``_BALLOT_OPEN_METHOD``, the public method that the
    sealing dialog calls with the passphrase.
    """

    _name = "school.emulation.ballot.box.mixin"
    _description = "Sealed Ballot Box"
    _BALLOT_OPEN_METHOD = "action_open"

    ballot_box_sealed = fields.Boolean(
        string="Ballot Box Sealed",
        compute="_compute_ballot_box_sealed",
        compute_sudo=True,
        help="A counting board passphrase seals this ballot box.",
    )

    def _compute_ballot_box_sealed(self):
        keys = self._ballot_keys()
        sealed = set(keys.mapped("box_id"))
        for rec in self:
            rec.ballot_box_sealed = rec.id in sealed

    # ------------------------------------------------------------------ hooks
    def _ballot_races(self):
        """``{race key: candidate recordset}``; one race is keyed ``""``."""
        raise NotImplementedError

    def _ballot_voter_count(self):
        raise NotImplementedError

    # ---------------------------------------------------------------- helpers
    def _ballot_box_domain(self):
        ids = [i for i in self.ids if isinstance(i, int)]
        return [("box_model", "=", self._name), ("box_id", "in", ids)]

    def _ballot_keys(self):
        return (
            self.env["school.emulation.ballot.key"]
            .sudo()
            .search(self._ballot_box_domain())
        )

    def _ballot_sealed_rows(self):
        return (
            self.env["school.emulation.ballot"].sudo().search(self._ballot_box_domain())
        )

    def _ballot_context(self):
        self.ensure_one()
        return f"{self._name},{self.id}".encode()

    def _ballot_error(self, exc):
        code = str(exc)
        messages = {
            "weak_passphrase": self.env._(
                "The counting board's passphrase must have at least %(min)s "
                "characters.",
                min=voting.PASSPHRASE_MIN,
            ),
            "wrong_passphrase": self.env._(
                "Wrong passphrase: the ballot box stays sealed. Only the passphrase "
                "given to the counting board when voting opened can open it."
            ),
            "too_long": self.env._("This ballot is longer than the box allows."),
        }
        return UserError(
            messages.get(
                code,
                self.env._(
                    "The ballot box of %(box)s is damaged: the ballots cannot be "
                    "counted and the vote must be held again.",
                    box=self.display_name,
                ),
            )
        )

    def _ballot_races_ids(self):
        return {race: records.ids for race, records in self._ballot_races().items()}

    # ------------------------------------------------------------------- open
    def _ballot_box_open(self, passphrase=None):
        """Seal a new box; return the passphrase (generated when not given)."""
        self.ensure_one()
        if self._ballot_keys():
            raise UserError(
                self.env._(
                    "The ballot box of %(box)s is already sealed.",
                    box=self.display_name,
                )
            )
        if passphrase is None or passphrase is False:
            passphrase = voting.generate_passphrase()
        try:
            passphrase = voting.normalize_passphrase(passphrase)
            public, sealed = voting.new_box(passphrase)
        except voting.BallotError as exc:
            raise self._ballot_error(exc) from None
        self.env["school.emulation.ballot.key"].sudo().create(
            {
                "box_model": self._name,
                "box_id": self.id,
                "public_key": _b64(public),
                "sealed_key": _b64(sealed),
                "payload_size": voting.payload_size(self._ballot_races_ids()),
            }
        )
        return passphrase

    # ------------------------------------------------------------------- cast
    def _ballot_box_seal(self, race, yes_ids):
        """Seal one ballot (already checked by the caller) into the box."""
        self.ensure_one()
        key = self._ballot_keys()
        if not key:
            raise UserError(
                self.env._(
                    "The ballot box of %(box)s is not sealed: open the vote first.",
                    box=self.display_name,
                )
            )
        try:
            blob = voting.seal_ballot(
                _unb64(key.public_key),
                key.payload_size,
                self._ballot_context(),
                race,
                yes_ids,
            )
        except voting.BallotError as exc:
            raise self._ballot_error(exc) from None
        self.env["school.emulation.ballot"].sudo().create(
            {
                "box_model": self._name,
                "box_id": self.id,
                "ciphertext": _b64(blob),
                "company_id": self.company_id.id,
            }
        )

    # ------------------------------------------------------------------ close
    def _ballot_box_close(self, passphrase):
        """Open and count the box, then destroy the sealed rows and the key.

        Returns ``{race: {candidate id: yes}}``. Refused (nothing changes) on a
        wrong passphrase or when the ballots do not match the voters.
        """
        self.ensure_one()
        key = self._ballot_keys()
        if not key:
            raise UserError(
                self.env._(
                    "The ballot box of %(box)s is not sealed: there is nothing to "
                    "count.",
                    box=self.display_name,
                )
            )
        rows = self._ballot_sealed_rows()
        voters = self._ballot_voter_count()
        if len(rows) != voters:
            raise UserError(
                self.env._(
                    "%(ballots)s sealed ballots for %(voters)s voters: the box was "
                    "tampered with; the vote must be held again.",
                    ballots=len(rows),
                    voters=voters,
                )
            )
        if not isinstance(passphrase, str):
            raise self._ballot_error(voting.BallotError("wrong_passphrase"))
        try:
            ballots = voting.open_ballots(
                _unb64(key.sealed_key),
                passphrase,
                _unb64(key.public_key),
                self._ballot_context(),
                [_unb64(blob) for blob in rows.mapped("ciphertext")],
            )
            tally = voting.count(ballots, self._ballot_races_ids())
        except voting.BallotError as exc:
            if str(exc) == "weak_passphrase":
                exc = voting.BallotError("wrong_passphrase")
            raise self._ballot_error(exc) from None
        rows.unlink()
        key.unlink()
        return tally

    def _ballot_box_discard(self):
        """Drop an unused box (the vote goes back to preparation)."""
        if self._ballot_sealed_rows():
            raise UserError(
                self.env._("Ballots were cast: the vote can only be closed.")
            )
        self._ballot_keys().unlink()

    @api.ondelete(at_uninstall=False)
    def _unlink_ballot_box(self):
        self._ballot_sealed_rows().unlink()
        self._ballot_keys().unlink()

    # --- the ballot dialogs (static/src/ballot_box) ---------------------------------
    def _ballot_dialog(self, mode, method=False):
        self.ensure_one()
        return {
            "type": "ir.actions.client",
            "tag": "school_emulation.ballot_box",
            "name": self.display_name,
            "params": {
                "mode": mode,
                "model": self._name,
                "res_id": self.id,
                "method": method,
            },
        }

    def action_open_vote(self):
        """The ballot dialog: choices stay in the browser until sent."""
        return self._ballot_dialog("cast", "cast_vote")

    def action_open_ballot_box(self):
        """The sealing dialog: passphrase for the counting board, then open."""
        return self._ballot_dialog("open", self._BALLOT_OPEN_METHOD)

    def action_close_ballot_box(self):
        """The count dialog: the counting board's passphrase, then close."""
        return self._ballot_dialog("close", "action_close")
