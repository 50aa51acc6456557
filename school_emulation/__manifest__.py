{
    "name": "School Emulation and Awards (Thi đua - Khen thưởng)",
    "summary": "Thi đua, khen thưởng trong trường học: phong trào, đăng ký, chấm điểm, "
    "xét danh hiệu, hội đồng, đề nghị và quyết định khen thưởng. "
    "Emulation movements and awards for Vietnamese schools.",
    "version": "18.0.1.0.0",
    "category": "Human Resources/Emulation",
    "website": "https://github.com/school-emulation/school_emulation",
    "author": "School Emulation contributors",
    "license": "LGPL-3",
    "application": True,
    "installable": True,
    "depends": ["hr", "mail"],
    "data": [
        "security/school_emulation_groups.xml",
        "security/ir.model.access.csv",
        "security/school_emulation_security.xml",
        "views/school_emulation_period_views.xml",
        "views/school_emulation_menus.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "school_emulation/static/tests/tours/*.js",
        ],
    },
    "demo": [
        "demo/school_emulation_period_demo.xml",
    ],
}
