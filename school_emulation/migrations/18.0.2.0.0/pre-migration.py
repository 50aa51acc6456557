"""18.0.2.0.0: the sealed ballot box replaces the plaintext ballots.

Ballot rows of earlier versions held a candidate and a yes/no (shuffled at the close);
the new ``school_emulation_ballot`` holds ciphertexts only. The council's tallies are
already stored on the proposal lines (``vote_yes``); the block's were computed from its
plaintext ballots, so they are stored on the units first (the new ``flag_votes`` /
``merit_votes`` columns). Then the old rows and the block's ballot table are deleted.
"""


def _table_exists(cr, table):
    cr.execute("SELECT 1 FROM pg_class WHERE relname = %s AND relkind = 'r'", (table,))
    return bool(cr.fetchone())


def migrate(cr, version):
    if not version:
        return
    if _table_exists(cr, "school_emulation_block_ballot"):
        cr.execute(
            """
            ALTER TABLE school_emulation_block_member
                ADD COLUMN IF NOT EXISTS flag_votes integer,
                ADD COLUMN IF NOT EXISTS merit_votes integer
            """
        )
        cr.execute(
            """
            UPDATE school_emulation_block_member m
               SET flag_votes = t.flag, merit_votes = t.merit
              FROM (SELECT candidate_id,
                           count(*) FILTER (WHERE yes AND award = 'flag') AS flag,
                           count(*) FILTER (WHERE yes AND award = 'merit') AS merit
                      FROM school_emulation_block_ballot
                  GROUP BY candidate_id) t
             WHERE t.candidate_id = m.id
            """
        )
        cr.execute("DROP TABLE school_emulation_block_ballot CASCADE")
    if _table_exists(cr, "school_emulation_ballot"):
        cr.execute("DELETE FROM school_emulation_ballot")
