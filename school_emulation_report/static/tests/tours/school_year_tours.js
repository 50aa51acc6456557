import {registry} from "@web/core/registry";

// The school year as each role lives it, on the demo school, in Vietnamese.
// The Python side (tests/test_tours.py) opens each tour on the record it needs
// and checks the database afterwards.

const tours = registry.category("web_tour.tours");

function statusIs(label) {
    return {
        content: `The status bar shows "${label}"`,
        trigger: `.o_form_view .o_statusbar_status button.o_arrow_button_current:contains("${label}")`,
    };
}

function clickButton(name, content) {
    return {
        content,
        trigger: `.o_form_view .o_statusbar_buttons button[name="${name}"]`,
        run: "click",
    };
}

function pickMany2one(field, search, item, scope = ".o_form_view") {
    return [
        {
            content: `Type "${search}" in ${field}`,
            trigger: `${scope} .o_field_widget[name="${field}"] input`,
            run: `edit ${search}`,
        },
        {
            content: `Choose "${item}"`,
            trigger: `.o-autocomplete--dropdown-item a:contains("${item}")`,
            run: "click",
        },
    ];
}

const save = {
    content: "Save",
    trigger: ".o_form_view .o_form_button_save",
    run: "click",
};
const saved = {
    content: "The record is saved",
    trigger: ".o_form_view .o_form_saved",
};

// 1. A teacher finds the movements in Vietnamese, registers and sends the registration.
tours.add("school_year_teacher_register_tour", {
    steps: () => [
        {
            content: "Open the apps menu",
            trigger: ".o_navbar_apps_menu button",
            run: "click",
        },
        {
            content: "Open Thi đua - Khen thưởng",
            trigger:
                '.o_app[data-menu-xmlid="school_emulation.school_emulation_menu_root"]:contains("Thi đua - Khen thưởng")',
            run: "click",
        },
        {
            content: "Open the movement menu",
            trigger:
                '.o_main_navbar [data-menu-xmlid="school_emulation.school_emulation_menu_movements"]:contains("Phong trào")',
            run: "click",
        },
        {
            content: "Open the registrations",
            trigger:
                '.dropdown-item[data-menu-xmlid="school_emulation.school_emulation_registration_menu"]:contains("Đăng ký thi đua")',
            run: "click",
        },
        {
            content: "Create a registration",
            trigger: ".o_control_panel_main_buttons button.btn-primary:contains('Mới')",
            run: "click",
        },
        ...pickMany2one("movement_id", "văn hóa công sở", "văn hóa công sở"),
        {
            content: "The staff member is the teacher",
            trigger: '.o_field_widget[name="employee_id"] input:value("Phạm Văn Nam")',
        },
        {
            content: "Open the commitments tab",
            trigger: '.o_notebook .nav-link[name="commitment"]:contains("Cam kết")',
            run: "click",
        },
        {
            content: "Write the commitment",
            trigger: '.o_field_widget[name="commitment"] textarea',
            run: "edit Đúng giờ, trang phục đúng quy định; ứng xử chuẩn mực với học sinh.",
        },
        save,
        saved,
        clickButton("action_submit", "Send the registration"),
        statusIs("Đã gửi"),
    ],
});

// 2. The group leader accepts the registration: the scoring sheet opens.
tours.add("school_year_leader_accept_tour", {
    steps: () => [
        statusIs("Đã gửi"),
        clickButton("action_accept", "Accept the registration"),
        statusIs("Đã duyệt"),
        {
            content: "The scoring sheet is there",
            trigger: '.o_notebook .nav-link[name="scores"]:contains("Phiếu chấm điểm")',
        },
    ],
});

function scoreTour(column, value) {
    return () => [
        {
            content: "Open the scoring sheet",
            trigger: '.o_notebook .nav-link[name="scores"]',
            run: "click",
        },
        {
            content: `Click the ${column} of the first criterion`,
            trigger: `.o_field_widget[name="score_ids"] .o_data_row:contains("Chấp hành chủ trương") td[name="${column}"]`,
            run: "click",
        },
        {
            content: `Enter ${value}`,
            trigger: `.o_field_widget[name="score_ids"] .o_selected_row td[name="${column}"] input`,
            run: `edit ${value}`,
        },
        save,
        saved,
        {
            content: "The score is shown on the sheet",
            trigger: `.o_field_widget[name="score_ids"] .o_data_row:contains("Chấp hành chủ trương") td[name="${column}"]:contains("${value}")`,
        },
    ];
}

// The next person is told: a to-do in the activity menu of the top bar.
function todoInSystray(model, name) {
    return [
        {
            content: "Open the activity menu",
            trigger: ".o_menu_systray button:has(i.fa-clock-o)",
            run: "click",
        },
        {
            content: `A to-do on ${model}`,
            trigger: `.o-mail-ActivityGroup[data-model_name="${model}"]`,
            run: "click",
        },
        {
            content: `${name} is among the records waiting`,
            trigger: `.o_kanban_record:contains("${name}"), .o_data_row:contains("${name}")`,
        },
    ];
}

// 2a. The group leader finds the teacher's registration among his to-dos.
tours.add("school_year_leader_review_todo_tour", {
    steps: () => todoInSystray("school.emulation.registration", "Phạm Văn Nam"),
});

// 3. The teacher self-scores the last criterion and submits the self-score
// (confirmed in a dialog); 4. the group leader gives the group score.
tours.add("school_year_teacher_self_score_tour", {
    steps: () => [
        ...scoreTour("self_score", "9")(),
        {
            content: "The group score column is not the teacher's to fill",
            trigger: `.o_field_widget[name="score_ids"] .o_data_row:contains("Chấp hành chủ trương") td[name="group_score"].o_readonly_modifier`,
        },
        {
            content: "Evidence has its paperclip",
            trigger: '.o_field_widget[name="score_ids"] .o_data_row button[name="action_open_evidence"] i.fa-paperclip',
        },
        clickButton("action_submit_self_score", "Submit my self-score"),
        {
            content: "Confirm: the self-score no longer changes",
            trigger: ".modal-footer .btn-primary",
            run: "click",
        },
        {
            content: "The day of the submission is shown",
            trigger: '.o_field_widget[name="self_score_date"]:not(:empty)',
        },
    ],
});
// 3a. The group leader is asked to give the group score.
tours.add("school_year_leader_score_todo_tour", {
    steps: () => todoInSystray("school.emulation.registration", "Phạm Văn Nam"),
});
tours.add("school_year_leader_group_score_tour", {steps: scoreTour("group_score", "8")});

// 5. The group leader proposes the teacher for Lao động tiên tiến and closes the
// group review.
tours.add("school_year_leader_propose_tour", {
    steps: () => [
        {
            content: "Describe the proposal",
            trigger: '.o_field_widget[name="description"] input',
            run: "edit Tổ Toán - Tin đề nghị công nhận danh hiệu năm học 2026-2027",
        },
        {
            content: "A group proposal",
            trigger: '.o_field_widget[name="level"] select',
            run: 'select "group"',
        },
        ...pickMany2one("department_id", "Toán - Tin", "Toán - Tin"),
        {
            content: "Add a candidate",
            trigger: '.o_field_widget[name="line_ids"] .o_field_x2many_list_row_add a',
            run: "click",
        },
        ...pickMany2one("employee_id", "Phạm Văn Nam", "Phạm Văn Nam", ".o_selected_row"),
        ...pickMany2one(
            "title_id",
            "Lao động tiên tiến",
            "Lao động tiên tiến",
            ".o_selected_row"
        ),
        save,
        saved,
        clickButton("action_group_review", "The group has reviewed its proposal"),
        statusIs("Tổ đã bình xét"),
    ],
});

// 5a. One click instead of one pick per candidate: the group leader fills a
// group proposal from the group's accepted registrations.
tours.add("school_year_leader_one_click_tour", {
    steps: () => [
        {
            content: "Describe the proposal",
            trigger: '.o_field_widget[name="description"] input',
            run: "edit Tổ Toán - Tin: danh sách từ đăng ký thi đua",
        },
        {
            content: "A group proposal",
            trigger: '.o_field_widget[name="level"] select',
            run: 'select "group"',
        },
        ...pickMany2one("department_id", "Toán - Tin", "Toán - Tin"),
        save,
        saved,
        clickButton("action_fill_from_registrations", "Add from the registrations"),
        {
            content: "The accepted registrations are the candidates",
            trigger: '.o_field_widget[name="line_ids"] .o_data_row:contains("Lao động tiên tiến")',
        },
    ],
});

// 6. The officer checks the eligibility of the province-level candidate, then opens
// a council session for it.
tours.add("school_year_officer_session_tour", {
    steps: () => [
        clickButton("action_check_eligibility", "Check the eligibility"),
        {
            content: "The candidate is eligible",
            trigger:
                '.o_field_widget[name="line_ids"] .o_data_row:contains("Lê Thị Hồng") td[name="eligible"] input:checked',
        },
        {
            content: "Open the Awards menu",
            trigger:
                '.o_main_navbar [data-menu-xmlid="school_emulation.school_emulation_menu_awards"]:contains("Khen thưởng")',
            run: "click",
        },
        {
            content: "Open the council sessions",
            trigger:
                '.dropdown-item[data-menu-xmlid="school_emulation.school_emulation_council_session_menu"]:contains("Phiên họp Hội đồng")',
            run: "click",
        },
        {
            content: "The closed session of May is listed",
            trigger: '.o_list_view .o_data_row:contains("Họp xét thi đua, khen thưởng cuối năm học 2025-2026")',
        },
        {
            content: "New session",
            trigger: ".o_control_panel_main_buttons button.o_list_button_add",
            run: "click",
        },
        {
            content: "Name the session",
            trigger: '.o_field_widget[name="name"] input',
            run: "edit Họp xét đề nghị Chiến sĩ thi đua cấp tỉnh",
        },
        ...pickMany2one("council_id", "Hội đồng Thi đua", "năm học 2025-2026"),
        ...pickMany2one("proposal_ids", "DN/2026/0002", "DN/2026/0002"),
        save,
        saved,
        clickButton("action_prepare", "Load the members and the candidates"),
        {
            content: "The candidate is on the ballot",
            trigger: '.o_field_widget[name="line_ids"] .o_data_row:contains("Lê Thị Hồng")',
        },
        clickButton("action_open_ballot_box", "Open the voting"),
        {
            content: "The sealing dialog warns that a lost passphrase means a new vote",
            trigger: ".modal .o_se_ballot_seal .alert-danger",
        },
        {
            content: "Let Odoo generate the counting board's passphrase and seal the box",
            trigger: ".modal .o_se_ballot_seal_confirm",
            run: "click",
        },
        {
            content: "The passphrase is shown once, for the sealing sheet",
            trigger: ".modal .o_se_ballot_passphrase:not(:empty)",
        },
        {
            content: "The passphrase is written down",
            trigger: ".modal .o_se_ballot_seal_done",
            run: "click",
        },
        statusIs("Đang bỏ phiếu"),
    ],
});

// 7. A council member votes in secret.
tours.add("school_year_council_vote_tour", {
    steps: () => [
        statusIs("Đang bỏ phiếu"),
        clickButton("action_open_vote", "Vote"),
        {
            content: "The ballot lists the candidate, with nothing ticked",
            trigger:
                '.modal .o_se_ballot_candidate:contains("Lê Thị Hồng") input.o_se_ballot_agree:not(:checked)',
        },
        {
            content: "Agree with the candidate",
            trigger:
                '.modal .o_se_ballot_candidate:contains("Lê Thị Hồng") input.o_se_ballot_agree',
            run: "click",
        },
        {
            content: "Cast the ballot",
            trigger: ".modal .o_se_ballot_review",
            run: "click",
        },
        {
            content: "The ballot asks for confirmation: it cannot be changed",
            trigger: '.modal .o_se_ballot_confirm_notice:contains("Lê Thị Hồng")',
        },
        {
            content: "Confirm the ballot",
            trigger: ".modal .o_se_ballot_confirm",
            run: "click",
        },
        {
            content: "The member is told the ballot is secret",
            trigger: '.o_form_view .alert-info:contains("Phiếu bầu là phiếu kín")',
        },
        {
            content: "There is no second vote",
            trigger: '.o_form_view:not(:has(button[name="action_open_vote"]))',
        },
    ],
});

// 7c. A council member who is herself a candidate does not vote on herself: her
// ballot paper says so and offers only the others.
tours.add("school_year_council_recusal_tour", {
    steps: () => [
        statusIs("Đang bỏ phiếu"),
        clickButton("action_open_vote", "Vote"),
        {
            content: "The paper says she does not vote on her own candidacy",
            trigger: '.modal .o_se_ballot_recused:contains("Trần Thị Mai")',
        },
        {
            content: "Her own name is not on the paper",
            trigger: '.modal .o_se_ballot_candidates:not(:contains("Trần Thị Mai"))',
        },
        {
            content: "Agree with the other candidate",
            trigger: '.modal .o_se_ballot_candidate:contains("Lê Thị Hồng") input.o_se_ballot_agree',
            run: "click",
        },
        {
            content: "Cast the ballot",
            trigger: ".modal .o_se_ballot_review",
            run: "click",
        },
        {
            content: "Confirm the ballot",
            trigger: ".modal .o_se_ballot_confirm",
            run: "click",
        },
        {
            content: "The member is told the ballot is secret",
            trigger: '.o_form_view .alert-info:contains("Phiếu bầu là phiếu kín")',
        },
    ],
});

// 7a. The council member is told in the messaging menu that the vote is open.
tours.add("school_year_council_vote_todo_tour", {
    steps: () => [
        {
            content: "Open the messaging menu",
            trigger: ".o_menu_systray button:has(i.fa-comments)",
            run: "click",
        },
        {
            content: "The notice of the open vote",
            trigger:
                '.o-mail-NotificationItem:contains("Họp xét đề nghị Chiến sĩ thi đua cấp tỉnh")',
        },
    ],
});

// 7b. The members without Odoo voted on paper: the counting board's tally is
// entered and sealed (no paper is tied to a member).
tours.add("school_year_officer_paper_tally_tour", {
    steps: () => [
        statusIs("Đang bỏ phiếu"),
        clickButton("action_open_paper_tally", "Enter the paper ballots"),
        {
            content: "Give the yes votes of the candidate",
            trigger:
                '.modal .o_field_widget[name="line_ids"] .o_data_row:contains("Lê Thị Hồng") td[name="yes_count"]',
            run: "click",
        },
        {
            content: "Two papers say yes",
            trigger:
                '.modal .o_field_widget[name="line_ids"] .o_selected_row td[name="yes_count"] input',
            run: "edit 2",
        },
        {
            content: "Seal the paper ballots",
            trigger: '.modal .modal-footer button[name="action_confirm"]',
            run: "click",
        },
        {
            content: "Confirm: sealed papers cannot be changed",
            trigger: '.modal:contains("niêm phong vào hòm phiếu") .modal-footer .btn-primary',
            run: "click",
        },
        {
            content: "The dialog is closed",
            trigger: "body:not(:has(.modal))",
        },
        statusIs("Đang bỏ phiếu"),
    ],
});

// 8. The officer posts a reviewed list publicly.
tours.add("school_year_officer_post_tour", {
    steps: () => [
        statusIs("Hội đồng đã xét"),
        clickButton("action_publish", "Post the list publicly"),
        statusIs("Đang công khai"),
        {
            content: "The posting period is shown",
            trigger: '.o_field_widget[name="posting_end"]:not(:empty)',
        },
    ],
});

// 9. The officer submits a posted proposal, records the commune's decision and
// builds the dossier.
tours.add("school_year_officer_decision_tour", {
    steps: () => [
        statusIs("Đang công khai"),
        clickButton("action_submit", "Submit to the commune"),
        statusIs("Đã gửi"),
        clickButton("action_record_decision", "Record the decision"),
        {
            content: "Number the decision",
            trigger: '.o_form_view .o_field_widget[name="name"] input',
            run: "edit 87/QĐ-UBND",
        },
        {
            content: "Signer",
            trigger: '.o_form_view .o_field_widget[name="signer"] input',
            run: "edit Chủ tịch UBND xã Xuân Sơn",
        },
        save,
        saved,
        clickButton("action_confirm", "Confirm the decision"),
        statusIs("Đã xác nhận"),
        {
            content: "Back to the proposal",
            trigger: '.o_breadcrumb a:contains("DN/2026/0006")',
            run: "click",
        },
        statusIs("Đã có quyết định"),
        {
            content: "Build the dossier (the ZIP is downloaded)",
            trigger: '.o_form_view .o_statusbar_buttons button[name="action_dossier_bundle"]',
            run: "click",
        },
    ],
});

// 9b. Opened again, the proposal keeps the dossier in its chatter.
tours.add("school_year_dossier_listed_tour", {
    steps: () => [
        statusIs("Đã có quyết định"),
        {
            content: "The chatter tells the dossier was built",
            trigger: '.o-mail-Message:contains("Đã lập bộ hồ sơ")',
        },
        {
            content: "The ZIP is attached",
            trigger: '.o-mail-Message:contains("Đã lập bộ hồ sơ") .o-mail-AttachmentCard:contains(".zip"), .o-mail-Message:contains("Đã lập bộ hồ sơ") :contains("ho-so-DN-2026-0006.zip")',
        },
    ],
});

// 10. The principal reads the dashboard and the award statistics.
// The principal's home, on a phone too: what waits, then the year's awards by
// group (tổ) in a chart to drill into.
function principalWaitingSteps() {
    return [
        {
            content: "The current year says what waits for approval",
            trigger:
                '.o_kanban_record:contains("2026-2027") .o_se_waiting:contains("đăng ký chờ duyệt")',
        },
        {
            content: "The awards of 2025-2026 by group",
            trigger:
                '.o_kanban_record:contains("2025-2026") button[name="action_view_awards_by_group"]',
            run: "click",
        },
        {
            content: "A chart of the awards by group",
            trigger: ".o_graph_view .o_graph_canvas_container canvas",
        },
    ];
}

tours.add("school_year_principal_mobile_tour", {steps: principalWaitingSteps});

// The teacher's draft registration says by when to send it (a phone).
tours.add("school_year_teacher_deadline_mobile_tour", {
    steps: () => [
        {
            // days counted in the browser's own time zone: 10 or 11 around midnight
            content: "The draft registration card shows the days left to send it",
            trigger:
                '.o_kanban_record:contains("Phạm Văn Nam"):contains("Hạn gửi"):contains("Trong 1"):contains(" ngày")',
        },
    ],
});

tours.add("school_year_principal_dashboard_tour", {
    steps: () => [
        {
            content: "The 2025-2026 card counts the awards",
            trigger: '.o_kanban_record:contains("2025-2026"):contains("khen thưởng")',
        },
        {
            content: "The current year is open",
            trigger: '.o_kanban_record:contains("2026-2027"):contains("Đang diễn ra")',
        },
        {
            content: "Open the report menu",
            trigger:
                '.o_main_navbar [data-menu-xmlid="school_emulation_report.school_emulation_report_award_statistics_menu"]:contains("Thống kê khen thưởng")',
            run: "click",
        },
        {
            content: "The chart is shown first; switch to the pivot table",
            trigger: ".o_control_panel .o_switch_view.o_pivot",
            run: "click",
        },
        {
            content: "The statistics show the titles awarded, by school year",
            trigger: '.o_pivot:contains("Lao động tiên tiến"):contains("2024-2025")',
        },
    ],
});

// 13. The officer sends a proposal to the commune, which uses the product too:
// it goes to the commune's inbox, and no decision is typed in at the school.
tours.add("school_year_officer_send_up_tour", {
    steps: () => [
        statusIs("Dự thảo"),
        clickButton("action_submit", "Submit to the commune"),
        statusIs("Đã gửi"),
        {
            content: "Received by the commune",
            trigger:
                '.o_form_view .o_field_widget[name="receiving_company_id"]:contains("UBND xã Xuân Sơn")',
        },
        {
            content: "The commune answers and decides: nothing to type in here",
            trigger:
                '.o_form_view .o_statusbar_buttons:not(:has(button[name="action_record_decision"])):not(:has(button[name="action_open_acceptance"]))',
        },
    ],
});

// 14. The commune's officer finds it among the received proposals and accepts it.
tours.add("school_year_commune_accept_tour", {
    steps: () => [
        {
            content: "The school's proposal waits in the first column",
            trigger:
                '.o_kanban_group:contains("Chờ xử lý") .o_kanban_record:contains("Trường THCS Xuân Sơn"):contains("Hội thi Tin học trẻ")',
            run: "click",
        },
        {
            content: "Its candidates, as the school sent them",
            trigger: '.o_form_view .o_field_widget[name="line_ids"] td:contains("Phạm Văn Nam")',
        },
        {
            content: "Accept the dossier",
            trigger:
                '.o_form_view .o_statusbar_buttons button[name="action_open_answer"]:contains("Tiếp nhận hồ sơ")',
            run: "click",
        },
        {
            content: "Send the answer (today's date)",
            trigger: '.modal .modal-footer button[name="action_confirm"]',
            run: "click",
        },
        statusIs("Đã tiếp nhận"),
    ],
});

// 15. The commune's officer reads where each school stands.
tours.add("school_year_commune_units_tour", {
    steps: () => [
        {
            content: "The kindergarten's proposal was returned",
            trigger:
                '.o_list_view tr.o_data_row:contains("Trường Mầm non Xuân Sơn") td[name="returned_count"]:contains("1")',
        },
        {
            content: "The demo school: one decided, two accepted",
            trigger:
                '.o_list_view tr.o_data_row:contains("Trường THCS Xuân Sơn") td[name="accepted_count"]:contains("2")',
        },
    ],
});
