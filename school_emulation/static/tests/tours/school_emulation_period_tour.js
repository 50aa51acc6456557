import {registry} from "@web/core/registry";

// An officer with a Vietnamese interface opens the app, finds a school year and opens it.
registry.category("web_tour.tours").add("school_emulation_period_tour", {
    url: "/odoo",
    steps: () => [
        {
            content: "Open the apps menu",
            trigger: ".o_navbar_apps_menu button",
            run: "click",
        },
        {
            content: "The app is listed in Vietnamese",
            trigger:
                '.o_app[data-menu-xmlid="school_emulation.school_emulation_menu_root"]:contains("Thi đua - Khen thưởng")',
            run: "click",
        },
        {
            content: "Open the School menu",
            trigger:
                '.o_main_navbar [data-menu-xmlid="school_emulation.school_emulation_menu_school"]:contains("Trường")',
            run: "click",
        },
        {
            content: "Open the school years",
            trigger:
                '.dropdown-item[data-menu-xmlid="school_emulation.school_emulation_period_menu"]:contains("Năm học")',
            run: "click",
        },
        {
            content: "The school year list shows the draft year",
            trigger:
                '.o_list_view .o_data_row:contains("Dự thảo") td.o_data_cell[name="name"]:contains("2030-2031")',
            run: "click",
        },
        {
            content: "Open the school year",
            trigger: '.o_form_view button[name="action_open"]:contains("Mở năm học")',
            run: "click",
        },
        {
            content: "The status bar shows the year in progress",
            trigger: '.o_statusbar_status .o_arrow_button_current:contains("Đang diễn ra")',
        },
    ],
});
