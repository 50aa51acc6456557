"""Write the demo school of school_emulation (synthetic, deterministic).

Usage: python scripts/gen_demo_school.py
Writes school_emulation/demo/school_emulation_school_demo.xml: a THCS school (the seed plan's
Trường THCS Xuân Sơn, Đông Triều, Quảng Ninh) with 6 groups and 30 staff, 4 demo users, the
8 classes of 2025-2026 and of 2026-2027, 240 students, three school years of staff task
ratings (2023-2024 to 2025-2026), one discipline record and the students' 2025-2026 results.
Every name is invented. Re-run after changing it; the output is stable (seeded).
"""

import os
import random
from xml.sax.saxutils import escape

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "school_emulation", "demo", "school_emulation_school_demo.xml")

GROUPS = [
    ("bgh", "Ban Giám hiệu", "management"),
    ("toan_tin", "Tổ Toán - Tin", "subject"),
    ("khtn", "Tổ Khoa học tự nhiên", "subject"),
    ("van_xh", "Tổ Ngữ văn - Khoa học xã hội", "subject"),
    ("nn_nt", "Tổ Ngoại ngữ - Nghệ thuật - Thể chất", "subject"),
    ("van_phong", "Tổ Văn phòng", "office"),
]
# key, name, gender, group, job, category, employment, recruited, birthday
STAFF = [
    (
        "ht",
        "Nguyễn Văn Hùng",
        "male",
        "bgh",
        "Hiệu trưởng",
        "manager",
        "permanent",
        "2004-09-01",
        "1975-03-12",
    ),
    (
        "pht",
        "Trần Thị Mai",
        "female",
        "bgh",
        "Phó Hiệu trưởng",
        "manager",
        "permanent",
        "2006-09-01",
        "1979-08-20",
    ),
    (
        "tt_toan",
        "Lê Thị Hồng",
        "female",
        "toan_tin",
        "Tổ trưởng, giáo viên Toán",
        "teacher",
        "permanent",
        "2008-09-01",
        "1982-01-05",
    ),
    (
        "gv_toan1",
        "Phạm Văn Nam",
        "male",
        "toan_tin",
        "Giáo viên Toán",
        "teacher",
        "permanent",
        "2010-09-01",
        "1985-06-17",
    ),
    (
        "gv_toan2",
        "Hoàng Thị Lan",
        "female",
        "toan_tin",
        "Giáo viên Toán",
        "teacher",
        "permanent",
        "2012-09-01",
        "1988-11-02",
    ),
    (
        "gv_toan3",
        "Vũ Đức Minh",
        "male",
        "toan_tin",
        "Giáo viên Toán",
        "teacher",
        "permanent",
        "2015-09-01",
        "1990-02-28",
    ),
    (
        "gv_tin1",
        "Đỗ Thị Thu",
        "female",
        "toan_tin",
        "Giáo viên Tin học",
        "teacher",
        "permanent",
        "2016-09-01",
        "1991-07-09",
    ),
    (
        "gv_toan4",
        "Bùi Quang Huy",
        "male",
        "toan_tin",
        "Giáo viên Toán",
        "teacher",
        "contract",
        "2026-08-15",
        "1999-04-21",
    ),
    (
        "tt_khtn",
        "Đặng Văn Long",
        "male",
        "khtn",
        "Tổ trưởng, giáo viên Vật lí",
        "teacher",
        "permanent",
        "2007-09-01",
        "1980-09-30",
    ),
    (
        "gv_ly1",
        "Ngô Thị Hạnh",
        "female",
        "khtn",
        "Giáo viên Khoa học tự nhiên",
        "teacher",
        "permanent",
        "2011-09-01",
        "1986-12-14",
    ),
    (
        "gv_hoa1",
        "Dương Văn Tùng",
        "male",
        "khtn",
        "Giáo viên Khoa học tự nhiên",
        "teacher",
        "permanent",
        "2013-09-01",
        "1989-05-03",
    ),
    (
        "gv_sinh1",
        "Lý Thị Ngọc",
        "female",
        "khtn",
        "Giáo viên Khoa học tự nhiên",
        "teacher",
        "permanent",
        "2014-09-01",
        "1990-10-19",
    ),
    (
        "gv_sinh2",
        "Trịnh Thị Phương",
        "female",
        "khtn",
        "Giáo viên Khoa học tự nhiên",
        "teacher",
        "permanent",
        "2018-09-01",
        "1994-03-08",
    ),
    (
        "gv_cn1",
        "Mai Văn Thành",
        "male",
        "khtn",
        "Giáo viên Công nghệ",
        "teacher",
        "contract",
        "2024-02-01",
        "1997-08-25",
    ),
    (
        "tt_van",
        "Phan Thị Hoa",
        "female",
        "van_xh",
        "Tổ trưởng, giáo viên Ngữ văn",
        "teacher",
        "permanent",
        "2005-09-01",
        "1978-04-11",
    ),
    (
        "gv_van1",
        "Nguyễn Thị Hằng",
        "female",
        "van_xh",
        "Giáo viên Ngữ văn",
        "teacher",
        "permanent",
        "2009-09-01",
        "1984-02-22",
    ),
    (
        "gv_van2",
        "Trần Văn Khánh",
        "male",
        "van_xh",
        "Giáo viên Ngữ văn",
        "teacher",
        "permanent",
        "2012-09-01",
        "1987-09-15",
    ),
    (
        "gv_su1",
        "Lê Thị Thảo",
        "female",
        "van_xh",
        "Giáo viên Lịch sử và Địa lí",
        "teacher",
        "permanent",
        "2013-09-01",
        "1988-06-06",
    ),
    (
        "gv_dia1",
        "Hoàng Văn Sơn",
        "male",
        "van_xh",
        "Giáo viên Lịch sử và Địa lí",
        "teacher",
        "permanent",
        "2016-09-01",
        "1992-01-27",
    ),
    (
        "gv_gdcd1",
        "Vũ Thị Yến",
        "female",
        "van_xh",
        "Giáo viên Giáo dục công dân",
        "teacher",
        "permanent",
        "2017-09-01",
        "1993-11-30",
    ),
    (
        "gv_van3",
        "Đinh Thị Nga",
        "female",
        "van_xh",
        "Giáo viên Ngữ văn",
        "teacher",
        "contract",
        "2025-09-01",
        "1998-05-14",
    ),
    (
        "tt_nn",
        "Cao Thị Bích",
        "female",
        "nn_nt",
        "Tổ trưởng, giáo viên Tiếng Anh",
        "teacher",
        "permanent",
        "2008-09-01",
        "1983-07-18",
    ),
    (
        "gv_anh1",
        "Tạ Văn Quân",
        "male",
        "nn_nt",
        "Giáo viên Tiếng Anh",
        "teacher",
        "permanent",
        "2014-09-01",
        "1989-12-01",
    ),
    (
        "gv_anh2",
        "Hà Thị Linh",
        "female",
        "nn_nt",
        "Giáo viên Tiếng Anh",
        "teacher",
        "permanent",
        "2019-09-01",
        "1995-02-10",
    ),
    (
        "gv_td1",
        "Kiều Văn Dũng",
        "male",
        "nn_nt",
        "Giáo viên Giáo dục thể chất",
        "teacher",
        "permanent",
        "2011-09-01",
        "1986-08-08",
    ),
    (
        "gv_nhac1",
        "Lương Thị Trang",
        "female",
        "nn_nt",
        "Giáo viên Âm nhạc, Tổng phụ trách Đội",
        "teacher",
        "permanent",
        "2015-09-01",
        "1991-03-26",
    ),
    (
        "tt_vp",
        "Nguyễn Thị Loan",
        "female",
        "van_phong",
        "Tổ trưởng, kế toán",
        "staff",
        "permanent",
        "2009-09-01",
        "1984-10-12",
    ),
    (
        "nv_vt",
        "Phạm Thị Huyền",
        "female",
        "van_phong",
        "Văn thư, phụ trách thi đua",
        "staff",
        "permanent",
        "2012-09-01",
        "1987-05-29",
    ),
    (
        "nv_tv",
        "Trần Văn Bình",
        "male",
        "van_phong",
        "Nhân viên thư viện - thiết bị",
        "staff",
        "contract",
        "2020-09-01",
        "1993-09-04",
    ),
    (
        "nv_yt",
        "Lê Thị Kim",
        "female",
        "van_phong",
        "Nhân viên y tế học đường",
        "staff",
        "contract",
        "2022-10-01",
        "1996-01-16",
    ),
]
LEADERS = {
    "toan_tin": "tt_toan",
    "khtn": "tt_khtn",
    "van_xh": "tt_van",
    "nn_nt": "tt_nn",
    "van_phong": "tt_vp",
    "bgh": "ht",
}
# demo users: login, staff key, groups (xml ids in school_emulation), extra groups
USERS = [
    ("officer", "nv_vt", ["group_school_emulation_officer"], ["hr.group_hr_user"]),
    (
        "leader",
        "tt_toan",
        ["group_school_emulation_leader", "group_school_emulation_council"],
        [],
    ),
    ("teacher", "gv_toan1", ["group_school_emulation_user"], []),
    ("council", "pht", ["group_school_emulation_council"], []),
]
CLASSES = ["6A1", "6A2", "7A1", "7A2", "8A1", "8A2", "9A1", "9A2"]
HOMEROOM = {
    "2025": [
        "gv_toan2",
        "gv_van1",
        "gv_ly1",
        "gv_anh1",
        "gv_van2",
        "gv_su1",
        "tt_toan",
        "gv_hoa1",
    ],
    "2026": [
        "gv_toan2",
        "gv_van1",
        "gv_ly1",
        "gv_anh1",
        "gv_van2",
        "gv_su1",
        "gv_toan1",
        "gv_hoa1",
    ],
}
FAMILY = [
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Vũ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hồ",
    "Ngô",
    "Dương",
    "Lý",
    "Phan",
    "Trịnh",
]
MIDDLE_M = ["Văn", "Đức", "Minh", "Quang", "Gia", "Hữu", "Thành"]
MIDDLE_F = ["Thị", "Ngọc", "Thu", "Phương", "Bảo", "Khánh", "Mai"]
GIVEN_M = [
    "An",
    "Bảo",
    "Cường",
    "Dũng",
    "Đạt",
    "Hải",
    "Hiếu",
    "Hoàng",
    "Khang",
    "Khoa",
    "Long",
    "Lâm",
    "Nam",
    "Phúc",
    "Quân",
    "Sơn",
    "Tài",
    "Thắng",
    "Trung",
    "Tuấn",
    "Việt",
    "Vinh",
]
GIVEN_F = [
    "Anh",
    "Chi",
    "Diệp",
    "Giang",
    "Hà",
    "Hân",
    "Hương",
    "Lan",
    "Linh",
    "Ly",
    "My",
    "Ngân",
    "Nhi",
    "Oanh",
    "Quỳnh",
    "Tâm",
    "Thảo",
    "Trang",
    "Uyên",
    "Vy",
    "Xuân",
    "Yến",
]
RATING_YEARS = [("2023", "ND90_2020"), ("2024", "ND90_2020"), ("2025", "ND90_2020")]


def field(name, value=None, ref=None, eval_=None):
    if ref is not None:
        return f'        <field name="{name}" ref="{ref}" />'
    if eval_ is not None:
        return f'        <field name="{name}" eval="{escape(eval_, {chr(34): "&quot;"})}" />'
    return f'        <field name="{name}">{escape(str(value))}</field>'


def record(xmlid, model, fields, lines):
    lines.append(f'    <record id="{xmlid}" model="{model}">')
    lines.extend(fields)
    lines.append("    </record>")


OUT_MOVEMENTS = os.path.join(
    ROOT, "school_emulation", "demo", "school_emulation_movement_demo.xml"
)
CRITERIA = [
    # (key, name, kind, max, section?)
    ("s1", "I. Phẩm chất chính trị, đạo đức, lối sống", "section", 0),
    (
        "pc",
        "Chấp hành chủ trương, pháp luật, nội quy; đoàn kết, gương mẫu",
        "standard",
        10,
    ),
    ("s2", "II. Thực hiện nhiệm vụ chuyên môn", "section", 0),
    ("gd", "Chất lượng giảng dạy, đổi mới phương pháp, ứng dụng CNTT", "standard", 30),
    ("cn", "Công tác chủ nhiệm, giáo dục học sinh", "standard", 20),
    ("bd", "Bồi dưỡng học sinh giỏi, phụ đạo học sinh yếu", "standard", 15),
    ("s3", "III. Nhiệm vụ khác và tham gia phong trào", "section", 0),
    (
        "pt",
        "Tham gia các phong trào, hoạt động của nhà trường, đoàn thể",
        "standard",
        15,
    ),
    ("hs", "Hồ sơ, sổ sách; báo cáo đúng hạn", "standard", 10),
    ("s4", "IV. Điểm thưởng, điểm trừ", "section", 0),
    ("gt", "Giải thưởng cấp thị xã trở lên (GV, HS do mình bồi dưỡng)", "bonus", 10),
    ("sk", "Sáng kiến, đề tài được công nhận", "bonus", 5),
    ("vp", "Vi phạm quy chế chuyên môn, nội quy", "penalty", 10),
]
BANDS = [("Xuất sắc", 90), ("Tốt", 75), ("Đạt", 50), ("Chưa đạt", 0)]
MOVEMENTS = [
    # key, name, kind, year, state, launch no, date, superior reference, start, end
    (
        "qn60",
        "Thi đua chào mừng kỷ niệm 60 năm Ngày thành lập tỉnh Quảng Ninh "
        "(30/10/1963 - 30/10/2023)",
        "special",
        "2022",
        "summarised",
        "27/KH-TrTHCSXS",
        "2023-02-27",
        "KH 1246/KH-PGD&ĐT ngày 28/10/2022; KH 262/KH-UBND ngày 18/10/2022",
        "2023-02-27",
        "2023-10-30",
    ),
    (
        "dmst",
        "Đổi mới sáng tạo trong quản lý, giảng dạy và học tập",
        "regular",
        "2026",
        "running",
        "15/KH-TrTHCSXS",
        "2026-09-25",
        "KH 1407/KH-PGD&ĐT ngày 18/12/2020; CV 188/PGD&ĐT ngày 26/02/2021",
        "2026-09-25",
        "2027-05-31",
    ),
    (
        "xdd",
        "Thi đua xây dựng tổ chức Đảng trong sạch, vững mạnh; cán bộ, đảng viên nêu "
        "gương",
        "thematic",
        "2026",
        "running",
        "16/KH-TrTHCSXS",
        "2026-09-25",
        "Kế hoạch của Đảng ủy và Phòng Văn hóa - Xã hội phường",
        "2026-09-25",
        "2027-05-31",
    ),
    (
        "vhcs",
        "Cán bộ, viên chức thi đua thực hiện văn hóa công sở",
        "thematic",
        "2026",
        "launched",
        "17/KH-TrTHCSXS",
        "2026-09-25",
        "QĐ 1292/QĐ-UBND ngày 30/8/2019 (giai đoạn 2019 - 2025, tiếp tục thực hiện)",
        "2026-10-01",
        "2027-05-31",
    ),
    (
        "ngvn",
        "Thi đua chào mừng Ngày Nhà giáo Việt Nam 20/11/2026",
        "periodic",
        "2026",
        "closed",
        "20/KH-TrTHCSXS",
        "2026-10-05",
        "",
        "2026-10-05",
        "2026-11-20",
    ),
]
PROGRAMME = [
    (
        "qn60",
        "Tọa đàm gặp gỡ nhân chứng lịch sử của tỉnh Quảng Ninh",
        "2023-03-25 07:30:00",
        "2023-03-25 10:00:00",
        "Hội trường nhà trường",
        "gv_su1",
        320,
    ),
    (
        "qn60",
        "Tham quan, học tập truyền thống tại Bảo tàng Quảng Ninh",
        "2023-04-15 07:00:00",
        "2023-04-15 16:00:00",
        "Bảo tàng - Thư viện Quảng Ninh",
        "gv_nhac1",
        90,
    ),
    (
        "qn60",
        "Hội thi tìm hiểu 60 năm xây dựng và phát triển tỉnh Quảng Ninh",
        "2023-10-20 07:30:00",
        "2023-10-20 11:00:00",
        "Sân trường",
        "gv_dia1",
        480,
    ),
    (
        "dmst",
        "Hội giảng chào mừng 20/11: tiết dạy ứng dụng công nghệ số",
        "2026-11-10 07:00:00",
        "2026-11-14 11:00:00",
        "Các lớp học",
        "tt_toan",
        24,
    ),
    (
        "dmst",
        "Chuyên đề sinh hoạt tổ chuyên môn theo nghiên cứu bài học",
        "2026-12-05 14:00:00",
        "2026-12-05 16:30:00",
        "Phòng họp tổ",
        "tt_khtn",
        12,
    ),
]


def _movements(rnd):
    out = [
        '<?xml version="1.0" encoding="utf-8" ?>',
        "<!-- Generated by scripts/gen_demo_school.py: the seed plan's movements. -->",
        "<odoo>",
    ]
    record(
        "criterion_set_staff_demo",
        "school.emulation.criterion.set",
        [
            field("name", "Tiêu chí chấm điểm thi đua CBGVNV"),
            field("company_id", ref="base.main_company"),
        ],
        out,
    )
    for seq, (key, name, kind, maximum) in enumerate(CRITERIA, start=1):
        fields = [
            field("set_id", ref="criterion_set_staff_demo"),
            field("name", name),
            field("sequence", seq * 10),
        ]
        if kind == "section":
            fields.append(field("display_type", "line_section"))
        else:
            fields += [
                field("kind", kind),
                field("max_points", maximum),
                field("evidence_required", kind != "standard"),
            ]
        record(f"criterion_{key}_demo", "school.emulation.criterion", fields, out)
    for name, minimum in BANDS:
        record(
            f"band_{minimum}_demo",
            "school.emulation.band",
            [
                field("set_id", ref="criterion_set_staff_demo"),
                field("name", name),
                field("min_total", minimum),
            ],
            out,
        )
    for key, name, kind, year, state, number, ldate, ref, start, end in MOVEMENTS:
        record(
            f"movement_{key}_demo",
            "school.emulation.movement",
            [
                field("name", name),
                field("kind", kind),
                field("period_id", ref=f"school_emulation_period_{year}_demo"),
                field("state", state),
                field("launch_number", number),
                field("launch_date", ldate),
                field("launch_signer", "Nguyễn Văn Hùng"),
                field("superior_reference", ref),
                field("date_start", start),
                field("date_end", end),
                field(
                    "registration_deadline",
                    f"{int(year)}-10-31" if year == "2026" else "2023-03-15",
                ),
                field("scoring_deadline", f"{int(year) + 1}-05-20"),
                field("responsible_id", ref="user_officer_demo"),
                field("criterion_set_id", ref="criterion_set_staff_demo"),
                field("target_students", kind != "regular"),
                field("target_collectives", True),
                field(
                    "content",
                    "<p>Nội dung, chỉ tiêu và tiêu chí theo kế hoạch "
                    f"{number} của nhà trường.</p>",
                ),
                field("company_id", ref="base.main_company"),
            ],
            out,
        )
    for n, (mkey, name, start, stop, place, org, count) in enumerate(
        PROGRAMME, start=1
    ):
        record(
            f"movement_activity_{n}_demo",
            "school.emulation.movement.activity",
            [
                field("movement_id", ref=f"movement_{mkey}_demo"),
                field("name", name),
                field("date_start", start),
                field("date_end", stop),
                field("place", place),
                field("organiser_id", ref=f"employee_{org}_demo"),
                field("participant_count", count),
                field(
                    "result",
                    "<p>Hoàn thành theo kế hoạch; có hình ảnh, bài viết trên "
                    "website nhà trường.</p>",
                ),
            ],
            out,
        )
    states = ["accepted"] * 22 + ["submitted"] * 4 + ["draft"] * 2 + ["returned"]
    scored = [s for s in STAFF if s[7] < "2026-08-01"]
    for idx, (key, *_rest) in enumerate(scored):
        state = states[idx % len(states)]
        title = (
            "school_emulation.title_cstdcs_2025"
            if key in ("tt_toan", "ht", "gv_ly1", "tt_van")
            else "school_emulation.title_ldtt_2025"
        )
        rid = f"registration_{key}_dmst_demo"
        fields = [
            field("movement_id", ref="movement_dmst_demo"),
            field("subject_type", "employee"),
            field("employee_id", ref=f"employee_{key}_demo"),
            field("title_id", ref=title),
            field("state", state),
            field("criterion_set_id", ref="criterion_set_staff_demo"),
            field(
                "commitment",
                "Hoàn thành xuất sắc nhiệm vụ; 100% tiết dạy có ứng "
                "dụng CNTT; có học sinh đạt giải cấp phường trở lên.",
            ),
        ]
        if state == "returned":
            fields.append(
                field(
                    "return_reason",
                    "Bổ sung chỉ tiêu cụ thể về chất lượng " "lớp chủ nhiệm.",
                )
            )
        record(rid, "school.emulation.registration", fields, out)
        if state != "accepted":
            continue
        strength = rnd.uniform(0.72, 0.98)
        for ckey, _name, kind, maximum in CRITERIA:
            if kind == "section":
                continue
            if kind == "standard":
                points = (
                    round(maximum * min(1.0, strength + rnd.uniform(-0.06, 0.06)) * 2)
                    / 2
                )
            elif kind == "bonus":
                points = rnd.choice([0, 0, 0, 2, 3, 5]) if maximum >= 5 else 0
            else:
                points = rnd.choice([0] * 8 + [1, 2])
            self_points = min(maximum, points + (0.5 if kind == "standard" else 0))
            record(
                f"score_{key}_{ckey}_demo",
                "school.emulation.score",
                [
                    field("registration_id", ref=rid),
                    field("criterion_id", ref=f"criterion_{ckey}_demo"),
                    field("self_score", self_points),
                    field("self_user_id", ref="base.user_admin"),
                    field("group_score", points),
                    field("group_user_id", ref="user_leader_demo"),
                    field("final_score", points),
                    field("final_user_id", ref="user_council_demo"),
                ],
                out,
            )
    out.append("</odoo>")
    with open(OUT_MOVEMENTS, "w", encoding="utf-8") as fh:
        fh.write("\n".join(out) + "\n")


OUT_CLASS_WEEKS = os.path.join(
    ROOT, "school_emulation", "demo", "school_emulation_class_week_demo.xml"
)
CLASS_CRITERIA = [
    ("cc", "Chuyên cần (sĩ số, đi học đúng giờ)", "standard", 20),
    ("dp", "Đồng phục, khăn quàng, thẻ học sinh", "standard", 10),
    ("vs", "Vệ sinh lớp học, khu vực được phân công", "standard", 20),
    ("gh", "Giờ học tốt (xếp loại tiết học trong sổ đầu bài)", "standard", 30),
    ("nn", "Nề nếp 15 phút đầu giờ, xếp hàng ra vào lớp", "standard", 20),
    ("vt", "Việc tốt, giải thưởng của học sinh trong lớp", "bonus", 10),
    ("vp", "Vi phạm nội quy (đánh nhau, vô lễ, sử dụng điện thoại)", "penalty", 20),
    ("dm", "Đi học muộn, nghỉ không phép", "penalty", 10),
]


def _class_weeks(rnd):
    import datetime

    out = [
        '<?xml version="1.0" encoding="utf-8" ?>',
        "<!-- Generated by scripts/gen_demo_school.py: 8 classes x 10 weeks. -->",
        "<odoo>",
    ]
    record(
        "criterion_set_class_demo",
        "school.emulation.criterion.set",
        [
            field("name", "Tiêu chí thi đua lớp hằng tuần (Liên đội)"),
            field("company_id", ref="base.main_company"),
        ],
        out,
    )
    for seq, (key, name, kind, maximum) in enumerate(CLASS_CRITERIA, start=1):
        record(
            f"class_criterion_{key}_demo",
            "school.emulation.criterion",
            [
                field("set_id", ref="criterion_set_class_demo"),
                field("name", name),
                field("sequence", seq * 10),
                field("kind", kind),
                field("max_points", maximum),
            ],
            out,
        )
    level = {c: rnd.uniform(0.82, 0.97) for c in CLASSES}
    monday = datetime.date(2026, 9, 7)
    for week in range(10):
        start = monday + datetime.timedelta(days=7 * week)
        wid = f"class_week_{week + 1:02d}_demo"
        record(
            wid,
            "school.emulation.class.week",
            [
                field("period_id", ref="school_emulation_period_2026_demo"),
                field("week_start", start.isoformat()),
                field("criterion_set_id", ref="criterion_set_class_demo"),
                field("company_id", ref="base.main_company"),
            ],
            out,
        )
        for cname in CLASSES:
            for key, _name, kind, maximum in CLASS_CRITERIA:
                if kind == "standard":
                    pts = (
                        round(
                            maximum
                            * min(1.0, level[cname] + rnd.uniform(-0.08, 0.05))
                            * 2
                        )
                        / 2
                    )
                elif kind == "bonus":
                    pts = rnd.choice([0, 0, 0, 2, 5])
                else:
                    pts = rnd.choice([0] * 6 + [2, 5])
                record(
                    f"class_score_{week + 1:02d}_{cname.lower()}_{key}_demo",
                    "school.emulation.class.score",
                    [
                        field("week_id", ref=wid),
                        field("class_id", ref=f"class_{cname.lower()}_2026_demo"),
                        field("criterion_id", ref=f"class_criterion_{key}_demo"),
                        field("points", pts),
                    ],
                    out,
                )
    out.append(
        '    <function model="school.emulation.class.week" name="action_lock"'
        ' eval="[['
        + ", ".join(f"ref('class_week_{w:02d}_demo')" for w in range(1, 10))
        + ']]" />'
    )
    out.append("</odoo>")
    with open(OUT_CLASS_WEEKS, "w", encoding="utf-8") as fh:
        fh.write("\n".join(out) + "\n")


OUT_BLOCK = os.path.join(
    ROOT, "school_emulation", "demo", "school_emulation_block_demo.xml"
)
BLOCK_CRITERIA = [
    ("nv", "Thực hiện nhiệm vụ năm học, chất lượng giáo dục", "standard", 60),
    ("pt", "Tổ chức các phong trào thi đua, điển hình tiên tiến", "standard", 30),
    ("bc", "Chế độ thông tin, báo cáo; công tác khối", "standard", 10),
    ("th", "Điểm thưởng: giải cấp tỉnh, sáng kiến cấp tỉnh", "bonus", 10),
    ("tr", "Điểm trừ: vi phạm, báo cáo chậm, sự cố an toàn", "penalty", 10),
]
BLOCK_UNITS = [
    ("own", None, (55, 28, 9, 6, 0)),
    ("hong_phong", "Trường THCS Hồng Phong", (57, 29, 10, 8, 0)),
    ("mao_khe", "Trường THCS Mạo Khê II", (52, 27, 9, 3, 2)),
    ("kim_son", "Trường THCS Kim Sơn", (50, 26, 8, 2, 0)),
    ("trang_an", "Trường THCS Tràng An", (48, 25, 9, 0, 3)),
]


def _block():
    out = [
        '<?xml version="1.0" encoding="utf-8" ?>',
        "<!-- Generated by scripts/gen_demo_school.py: a block of five schools, 2025-2026."
        " -->",
        "<odoo>",
    ]
    record(
        "criterion_set_block_demo",
        "school.emulation.criterion.set",
        [
            field("name", "Bảng tiêu chí chấm điểm khối thi đua THCS"),
            field("company_id", ref="base.main_company"),
        ],
        out,
    )
    for seq, (key, name, kind, maximum) in enumerate(BLOCK_CRITERIA, start=1):
        record(
            f"block_criterion_{key}_demo",
            "school.emulation.criterion",
            [
                field("set_id", ref="criterion_set_block_demo"),
                field("name", name),
                field("sequence", seq * 10),
                field("kind", kind),
                field("max_points", maximum),
                field("evidence_required", True),
            ],
            out,
        )
    record(
        "block_thcs_demo",
        "school.emulation.block",
        [
            field("name", "Khối thi đua các trường THCS phường Đông Triều"),
            field("period_id", ref="school_emulation_period_2025_demo"),
            field("organiser", "Phòng Văn hóa - Xã hội, UBND phường Đông Triều"),
            field("criterion_set_id", ref="criterion_set_block_demo"),
            field("pledge_number", "01/GƯTĐ-KTHCS"),
            field("pledge_date", "2025-09-25"),
            field("flag_threshold_pct", 80),
            field("merit_threshold_pct", 50),
            field("company_id", ref="base.main_company"),
        ],
        out,
    )
    for key, name, _values in BLOCK_UNITS:
        if name:
            record(
                f"block_partner_{key}_demo",
                "res.partner",
                [
                    field("name", name),
                    field("is_company", True),
                    field("city", "Đông Triều"),
                ],
                out,
            )
    for key, _name, _values in BLOCK_UNITS:
        partner = "base.main_partner" if key == "own" else f"block_partner_{key}_demo"
        record(
            f"block_unit_{key}_demo",
            "school.emulation.block.member",
            [
                field("block_id", ref="block_thcs_demo"),
                field("partner_id", ref=partner),
                field("is_own_school", key == "own"),
            ],
            out,
        )
    for idx, (key, _name, values) in enumerate(BLOCK_UNITS):
        checker = BLOCK_UNITS[(idx + 1) % len(BLOCK_UNITS)][0]
        out.append(
            '    <function model="school.emulation.block.member" name="write" eval="'
            f"[[ref('block_unit_{key}_demo')], "
            f"{{'cross_checker_id': ref('block_unit_{checker}_demo')}}]\" />"
        )
        for (ckey, _cname, kind, _max), final in zip(
            BLOCK_CRITERIA, values, strict=True
        ):
            self_pts = final + (1 if kind == "standard" and final < _max else 0)
            record(
                f"block_score_{key}_{ckey}_demo",
                "school.emulation.block.score",
                [
                    field("member_id", ref=f"block_unit_{key}_demo"),
                    field("criterion_id", ref=f"block_criterion_{ckey}_demo"),
                    field("self_score", self_pts),
                    field("cross_score", final),
                    field("final_score", final),
                    field("final_set", True),
                    field("evidence", "Hồ sơ minh chứng lưu tại đơn vị"),
                ],
                out,
            )
    # Functions, not second <record>s: an update skips records already loaded.
    out.append(
        '    <function model="school.emulation.block" name="write" eval="'
        "[[ref('block_thcs_demo')], {'leader_member_id': ref('block_unit_hong_phong_demo'),"
        " 'deputy_member_id': ref('block_unit_own_demo'), 'state': 'done'}]\" />"
    )
    # The acclamation ballot: every unit voted for both awards.
    flag_yes = {"hong_phong"}
    merit_yes = {"own", "mao_khe"}
    n = 0
    for voter, _name, _values in BLOCK_UNITS:
        for award, yes_set in (("flag", flag_yes), ("merit", merit_yes)):
            record(
                f"block_voter_{voter}_{award}_demo",
                "school.emulation.block.voter",
                [
                    field("block_id", ref="block_thcs_demo"),
                    field("member_id", ref=f"block_unit_{voter}_demo"),
                    field("award", award),
                ],
                out,
            )
            for cand, _cname, _cvalues in BLOCK_UNITS:
                n += 1
                record(
                    f"block_ballot_{n:03d}_demo",
                    "school.emulation.block.ballot",
                    [
                        field("block_id", ref="block_thcs_demo"),
                        field("candidate_id", ref=f"block_unit_{cand}_demo"),
                        field("award", award),
                        field("yes", cand in yes_set),
                    ],
                    out,
                )
    out.append("</odoo>")
    with open(OUT_BLOCK, "w", encoding="utf-8") as fh:
        fh.write("\n".join(out) + "\n")


def main():
    rnd = random.Random(20231027)
    out = [
        '<?xml version="1.0" encoding="utf-8" ?>',
        "<!-- Generated by scripts/gen_demo_school.py: synthetic demo school, no real person. -->",
        "<odoo>",
    ]
    record(
        "base.main_company",
        "res.company",
        [
            field("name", "Trường THCS Xuân Sơn"),
            field("street", "Phường Xuân Sơn"),
            field("city", "Đông Triều"),
            field("country_id", ref="base.vn"),
            field("email", "thcsxuanson@example.com"),
        ],
        out,
    )
    for key, name, kind in GROUPS:
        record(
            f"department_{key}_demo",
            "hr.department",
            [
                field("name", name),
                field("emulation_group_type", kind),
                field("company_id", ref="base.main_company"),
            ],
            out,
        )
    user_of = {}
    for login, staff_key, groups, extra in USERS:
        name = next(s[1] for s in STAFF if s[0] == staff_key)
        gids = [f"ref('school_emulation.{g}')" for g in groups] + [
            f"ref('{g}')" for g in extra
        ]
        record(
            f"user_{login}_demo",
            "res.users",
            [
                field("name", name),
                field("login", login),
                field("password", login),
                field("lang", "vi_VN"),
                field("tz", "Asia/Ho_Chi_Minh"),
                field("company_id", ref="base.main_company"),
                field("company_ids", eval_="[Command.link(ref('base.main_company'))]"),
                field(
                    "groups_id",
                    eval_="[Command.set([ref('base.group_user'), "
                    + ", ".join(gids)
                    + "])]",
                ),
            ],
            out,
        )
        user_of[staff_key] = f"user_{login}_demo"
    for key, name, gender, grp, job, cat, emp, recruited, birthday in STAFF:
        fields = [
            field("name", name),
            field("gender", gender),
            field("job_title", job),
            field("department_id", ref=f"department_{grp}_demo"),
            field("emulation_category", cat),
            field("employment_type", emp),
            field("recruitment_date", recruited),
            field("birthday", birthday),
            field("company_id", ref="base.main_company"),
            field("work_email", f"{key.replace('_', '.')}@thcsxuanson.example.com"),
        ]
        if key in user_of:
            fields.append(field("user_id", ref=user_of[key]))
        record(f"employee_{key}_demo", "hr.employee", fields, out)
    for key, *rest in STAFF:  # line manager: the group leader, or the principal
        leader = LEADERS[rest[2]] if LEADERS[rest[2]] != key else "ht"
        if key != "ht":
            record(
                f"employee_{key}_demo",
                "hr.employee",
                [field("parent_id", ref=f"employee_{leader}_demo")],
                out,
            )
    for grp, leader in LEADERS.items():
        record(
            f"department_{grp}_demo",
            "hr.department",
            [field("manager_id", ref=f"employee_{leader}_demo")],
            out,
        )
    # three past school years of task ratings (the periods come from the period demo file)
    for year, scheme in RATING_YEARS:
        for key, *_rest in STAFF:
            recruited = _rest[6]
            if recruited > f"{int(year) + 1}-05-31":
                continue  # not yet at the school that year
            roll = rnd.random()
            rating = "htxsnv" if roll < 0.22 else "httnv" if roll < 0.92 else "htnv"
            if key in ("tt_toan", "ht"):  # a CSTĐCS chain for the demo
                rating = "htxsnv"
            record(
                f"rating_{key}_{year}_demo",
                "school.emulation.rating",
                [
                    field("employee_id", ref=f"employee_{key}_demo"),
                    field("period_id", ref=f"school_emulation_period_{year}_demo"),
                    field("rating", rating),
                    field(
                        "scheme_id",
                        ref=f"school_emulation.rating_scheme_{scheme.lower().split('_')[0]}",
                    ),
                    field(
                        "source_document",
                        f"QĐ {10 + int(year) % 100}/QĐ-THCSXS ngày 25/5/{int(year) + 1}",
                    ),
                    field("date", f"{int(year) + 1}-05-25"),
                ],
                out,
            )
    record(
        "discipline_gv_dia1_demo",
        "school.emulation.discipline",
        [
            field("employee_id", ref="employee_gv_dia1_demo"),
            field("kind", "discipline"),
            field("level", "reprimand"),
            field("date_start", "2026-03-10"),
            field("date_end", "2027-03-09"),
            field("decision_number", "QĐ 05/QĐ-THCSXS"),
            field("reason", "Vi phạm quy chế chuyên môn (dữ liệu minh họa)."),
        ],
        out,
    )
    n = _classes_and_students(rnd, out)
    out.append("</odoo>")
    with open(OUT, "w", encoding="utf-8") as fh:
        fh.write("\n".join(out) + "\n")
    _movements(rnd)
    _class_weeks(rnd)
    _block()
    print(OUT, n, "students")


def _classes_and_students(rnd, out):
    # classes of 2025-2026 and 2026-2027; students move up one grade
    for year in ("2025", "2026"):
        for idx, cname in enumerate(CLASSES):
            record(
                f"class_{cname.lower()}_{year}_demo",
                "school.class",
                [
                    field("name", cname),
                    field("grade", cname[0]),
                    field("period_id", ref=f"school_emulation_period_{year}_demo"),
                    field(
                        "homeroom_teacher_id",
                        ref=f"employee_{HOMEROOM[year][idx]}_demo",
                    ),
                    field("company_id", ref="base.main_company"),
                ],
                out,
            )
    n = 0
    for cname in CLASSES:
        for _i in range(30):
            n += 1
            gender = "female" if rnd.random() < 0.49 else "male"
            middle = rnd.choice(MIDDLE_F if gender == "female" else MIDDLE_M)
            given = rnd.choice(GIVEN_F if gender == "female" else GIVEN_M)
            name = f"{rnd.choice(FAMILY)} {middle} {given}"
            grade = int(cname[0])
            birth_year = 2026 - grade - 6
            code = f"HS{2026 - grade + 6}{n:04d}"
            sid = f"student_{n:03d}_demo"
            record(
                sid,
                "school.student",
                [
                    field("code", code),
                    field("name", name),
                    field("gender", gender),
                    field(
                        "birth_date",
                        f"{birth_year}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}",
                    ),
                    field("class_id", ref=f"class_{cname.lower()}_2026_demo"),
                    field("company_id", ref="base.main_company"),
                ],
                out,
            )
            if grade > 6:  # last year's result at this school
                prev = f"{grade - 1}{cname[1:]}".lower()
                roll = rnd.random()
                conduct = "good" if roll < 0.8 else "fair"
                learning = "good" if roll < 0.35 else "fair" if roll < 0.85 else "pass"
                subjects = (
                    rnd.randint(6, 9)
                    if learning == "good" and rnd.random() < 0.5
                    else rnd.randint(0, 5)
                )
                record(
                    f"result_{n:03d}_2025_demo",
                    "school.student.result",
                    [
                        field("student_id", ref=sid),
                        field("class_id", ref=f"class_{prev}_2025_demo"),
                        field("period_id", ref="school_emulation_period_2025_demo"),
                        field("scheme", "tt22"),
                        field("conduct", conduct),
                        field("learning", learning),
                        field("subjects_ge_9", subjects),
                    ],
                    out,
                )
    return n


if __name__ == "__main__":
    main()
