"""18.0.2.1.0: a commune chair's decisions cite the Luật Tổ chức chính quyền địa
phương first. The catalogue is noupdate data, so an upgraded database gets the
link here (a school that chose other laws keeps them)."""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    authority = env.ref("school_emulation.authority_commune_chair", False)
    law = env.ref("school_emulation.legal_basis_luat_72_2025", False)
    if authority and law and not authority.organisation_basis_ids:
        authority.organisation_basis_ids = law
