from odoo import fields, models


class SchoolEmulationBallot(models.Model):
    """One sealed ballot: the ciphertext of one voter's choices, padded to the
    box's length. No voter, no author, no time (no access-log columns), no
    candidate: only the box it belongs to. Nobody reads it over RPC; the count
    opens it in memory and deletes it."""

    _name = "school.emulation.ballot"
    _description = "Sealed Secret Ballot"
    _log_access = False

    box_model = fields.Char(required=True, index=True)
    box_id = fields.Many2oneReference(
        model_field="box_model", required=True, index=True
    )
    # base64 text: every ciphertext of a box has the same length
    ciphertext = fields.Char(required=True)
    company_id = fields.Many2one("res.company", index=True)


class SchoolEmulationBallotKey(models.Model):
    """The key material of one sealed box: its public key, and its private key
    encrypted under the counting board's passphrase. Deleted by the count."""

    _name = "school.emulation.ballot.key"
    _description = "Sealed Ballot Box Key"
    _log_access = False

    box_model = fields.Char(required=True, index=True)
    box_id = fields.Many2oneReference(
        model_field="box_model", required=True, index=True
    )
    public_key = fields.Char(required=True)
    sealed_key = fields.Char(required=True, help="Private key, encrypted (scrypt).")
    payload_size = fields.Integer(required=True)

    _sql_constraints = [
        ("box_unique", "UNIQUE(box_model, box_id)", "A ballot box has one key."),
    ]
