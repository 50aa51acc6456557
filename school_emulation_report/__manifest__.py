{
    "name": "School Emulation Reports (Báo cáo Thi đua - Khen thưởng)",
    "summary": "Văn bản PDF theo thể thức hành chính, xuất Excel, hồ sơ đề nghị "
    "khen thưởng và bảng điều khiển. Administrative PDF documents, XLSX exports, "
    "dossiers and dashboards for school emulation and awards.",
    "version": "18.0.2.0.0",
    "category": "Human Resources/Emulation",
    "website": "https://github.com/school-emulation/school_emulation",
    "author": "School Emulation contributors",
    "license": "LGPL-3",
    "application": True,
    "installable": True,
    "depends": ["school_emulation"],
    "data": [
        "report/school_emulation_report_layout.xml",
        "report/report_council_minutes.xml",
        "report/report_ballot_minutes.xml",
        "report/report_proposal.xml",
        "report/report_decision.xml",
        "report/report_certificate.xml",
        "report/report_movement_plan.xml",
        "report/report_movement_ranking.xml",
        "report/report_registration_summary.xml",
        "report/report_year_end.xml",
        "report/report_achievement_individual.xml",
        "report/report_class_week.xml",
        "report/report_achievement_collective.xml",
        "views/res_company_views.xml",
        "views/school_emulation_award_views.xml",
        "views/school_emulation_movement_views.xml",
        "views/school_emulation_period_views.xml",
        "views/school_emulation_proposal_views.xml",
        "views/school_emulation_registration_views.xml",
        "views/school_emulation_report_menus.xml",
    ],
    "demo": [
        "demo/school_emulation_report_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "school_emulation_report/static/tests/tours/*.js",
        ],
    },
}
