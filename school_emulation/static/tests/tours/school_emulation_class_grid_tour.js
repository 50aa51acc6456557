import {registry} from "@web/core/registry";

const grid = ".o_field_x2many_2d_matrix.o_se_class_grid";
const cell = (row, column) => `${grid} tbody tr:nth-child(${row}) td:nth-child(${column}) input`;

// The class scorer (Liên đội / Sao đỏ) enters a week in the class x criterion grid
// with the keyboard, saves, sees the ranking and the points column of the line list
// on screen (run on a desktop and on a 390 px phone).
registry.category("web_tour.tours").add("school_emulation_class_grid_tour", {
    steps: () => [
        {
            content: "The grid has a row per class and a column per criterion",
            trigger: `${grid} thead th:contains(Vi phạm)`,
        },
        {
            content: "The last class is in the grid",
            trigger: `${grid} tbody tr:nth-child(4) td:first-child:contains(8A1)`,
        },
        {
            content: "6A1: attendance",
            trigger: cell(1, 2),
            run: "edit 45",
        },
        {
            content: "Enter: the same criterion of the next class",
            trigger: `${cell(1, 2)}:focus`,
            run: "press Enter",
        },
        {
            content: "6A2: attendance",
            trigger: `${cell(2, 2)}:focus`,
            run: "edit 40",
        },
        {
            content: "Tab: the next criterion of the same class",
            trigger: `${cell(2, 2)}:focus`,
            run: "press Tab",
        },
        {
            content: "6A2: cleanliness",
            trigger: `${cell(2, 3)}:focus`,
            run: "edit 38",
        },
        {
            content: "Save the week",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Open the ranking",
            trigger: ".o_notebook_headers a[name=ranking]",
            run: "click",
        },
        {
            content: "6A2 leads with 78 points (Vietnamese number format)",
            trigger:
                ".o_field_one2many[name=result_ids] .o_data_row:first:contains(6A2):contains(78,00)",
        },
        {
            content: "Open the line list",
            trigger: ".o_notebook_headers a[name=scores]",
            run: "click",
        },
        {
            content: "The points column is on screen",
            trigger: ".o_field_one2many[name=line_ids] th[data-name=points]",
            run() {
                const right = this.anchor.getBoundingClientRect().right;
                if (right > window.innerWidth) {
                    throw new Error(
                        `The points column ends at ${right}px, past the ${window.innerWidth}px screen`
                    );
                }
            },
        },
    ],
});
