import { Component, onWillStart, useState } from "@odoo/owl";
import { Dialog } from "@web/core/dialog/dialog";
import { _t } from "@web/core/l10n/translation";
import { registry } from "@web/core/registry";
import { useService } from "@web/core/utils/hooks";

/**
 * The sealed ballot box of a council session or an emulation block.
 *
 * The choices of a ballot live only in this dialog's memory: nothing is saved
 * until the voter confirms, and then one call (`cast_vote`) sends them as
 * arguments; the server seals them at once. No record holds them.
 */
const dialogProps = {
    close: Function,
    model: String,
    resId: Number,
    method: String,
};

export class BallotPaperDialog extends Component {
    static template = "school_emulation.BallotPaperDialog";
    static components = { Dialog };
    static props = dialogProps;

    setup() {
        this.orm = useService("orm");
        this.state = useState({
            paper: null,
            voterId: "",
            race: "",
            chosen: {},
            confirming: false,
            busy: false,
        });
        onWillStart(async () => {
            const paper = await this.orm.call(this.props.model, "get_ballot_paper", [
                [this.props.resId],
            ]);
            this.state.paper = paper;
            this.state.race = paper.races[0].key;
            if (!paper.self_vote && paper.voters.length) {
                this.state.voterId = String(paper.voters[0].id);
            }
        });
    }

    get race() {
        return this.state.paper.races.find((r) => r.key === this.state.race);
    }

    get chosenCandidates() {
        return this.race.candidates.filter((c) => this.state.chosen[c.id]);
    }

    get voterName() {
        const voter = this.state.paper.voters.find(
            (v) => String(v.id) === this.state.voterId
        );
        return voter ? voter.name : _t("yourself");
    }

    get summary() {
        const values = {
            voter: this.voterName,
            count: this.chosenCandidates.length,
            total: this.race.candidates.length,
        };
        if (this.race.label) {
            return _t("Ballot of %(voter)s for %(award)s: agree with %(count)s of %(total)s candidates.", {
                ...values,
                award: this.race.label,
            });
        }
        return _t("Ballot of %(voter)s: agree with %(count)s of %(total)s candidates.", values);
    }

    onToggle(candidateId, ev) {
        this.state.chosen[candidateId] = ev.target.checked;
    }

    onVoter(ev) {
        this.state.voterId = ev.target.value;
    }

    onRace(ev) {
        this.state.race = ev.target.value;
        this.state.chosen = {};
    }

    review() {
        this.state.confirming = true;
    }

    back() {
        this.state.confirming = false;
    }

    async confirm() {
        const paper = this.state.paper;
        const kwargs = {
            [paper.choices_kw]: this.chosenCandidates.map((c) => c.id),
        };
        if (this.state.voterId) {
            kwargs[paper.voter_kw] = parseInt(this.state.voterId);
            if (paper.voter_flag_kw) {
                kwargs[paper.voter_flag_kw] = true;
            }
        }
        if (paper.race_kw) {
            kwargs[paper.race_kw] = this.state.race;
        }
        this.state.busy = true;
        try {
            await this.orm.call(this.props.model, this.props.method, [[this.props.resId]], kwargs);
        } finally {
            this.state.busy = false;
            this.state.chosen = {};
            this.state.confirming = false;
        }
        this.props.close();
    }
}

export class BallotSealDialog extends Component {
    static template = "school_emulation.BallotSealDialog";
    static components = { Dialog };
    static props = dialogProps;

    setup() {
        this.orm = useService("orm");
        this.notification = useService("notification");
        this.state = useState({
            own: false,
            first: "",
            second: "",
            passphrase: "",
            busy: false,
        });
    }

    async seal() {
        let passphrase = null;
        if (this.state.own) {
            if (this.state.first !== this.state.second) {
                this.notification.add(_t("The two passphrases differ."), {
                    type: "danger",
                });
                return;
            }
            passphrase = this.state.first;
        }
        this.state.busy = true;
        let result;
        try {
            result = await this.orm.call(
                this.props.model,
                this.props.method,
                [[this.props.resId]],
                { passphrase }
            );
        } finally {
            this.state.busy = false;
            this.state.first = this.state.second = "";
        }
        if (!result) {
            // no candidate needs a secret ballot: no box was sealed
            this.props.close();
            return;
        }
        this.state.passphrase = result;
    }
}

export class BallotCountDialog extends Component {
    static template = "school_emulation.BallotCountDialog";
    static components = { Dialog };
    static props = dialogProps;

    setup() {
        this.orm = useService("orm");
        this.state = useState({ passphrase: "", busy: false });
    }

    async count() {
        this.state.busy = true;
        try {
            await this.orm.call(this.props.model, this.props.method, [[this.props.resId]], {
                passphrase: this.state.passphrase,
            });
        } finally {
            this.state.busy = false;
            this.state.passphrase = "";
        }
        this.props.close();
    }
}

const DIALOGS = {
    open: BallotSealDialog,
    cast: BallotPaperDialog,
    close: BallotCountDialog,
};

async function ballotBoxAction(env, action) {
    const { mode, model, res_id: resId, method } = action.params;
    await new Promise((resolve) => {
        env.services.dialog.add(
            DIALOGS[mode],
            { model, resId, method },
            { onClose: resolve }
        );
    });
    return { type: "ir.actions.client", tag: "soft_reload" };
}

registry.category("actions").add("school_emulation.ballot_box", ballotBoxAction);
