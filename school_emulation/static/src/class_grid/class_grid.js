import { X2Many2DMatrixRenderer } from "@web_widget_x2many_2d_matrix/components/x2many_2d_matrix_renderer/x2many_2d_matrix_renderer.esm";
import { patch } from "@web/core/utils/patch";

/**
 * Keyboard entry in the class x criterion grid of a class emulation week
 * (`class="o_se_class_grid"` on the field): Tab goes along a class (the browser's
 * own order), Enter and ArrowDown go to the same criterion of the next class,
 * Shift+Enter and ArrowUp to the previous class. Other matrices are left alone.
 */
const MOVES = { Enter: 1, ArrowDown: 1, ArrowUp: -1 };

patch(X2Many2DMatrixRenderer.prototype, {
    onSeGridKeydown(ev) {
        const table = ev.currentTarget;
        if (!table.closest(".o_se_class_grid") || ev.altKey || ev.ctrlKey || ev.metaKey) {
            return;
        }
        let step = MOVES[ev.key];
        const cell = ev.target.closest("td");
        if (!step || !cell || ev.target.tagName !== "INPUT") {
            return;
        }
        if (ev.key === "Enter" && ev.shiftKey) {
            step = -1;
        }
        const rows = [...table.tBodies[0].rows];
        const column = [...cell.parentElement.children].indexOf(cell);
        const next = rows[rows.indexOf(cell.parentElement) + step];
        const input = next?.children[column]?.querySelector("input");
        if (input) {
            ev.preventDefault();
            ev.stopPropagation();
            input.focus();
            input.select();
        }
    },
});
