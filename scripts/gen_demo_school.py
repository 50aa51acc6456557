"""Write the demo school of school_emulation (synthetic, deterministic).

Usage: python scripts/gen_demo_school.py
Writes school_emulation/demo/school_emulation_school_demo.xml: a THCS school (the seed plan's
Trường THCS Xuân Sơn, Đông Triều, Quảng Ninh) with 6 groups and 30 staff, 4 demo users, the
8 classes of 2025-2026 and of 2026-2027, 240 students, four school years of staff task
ratings (2022-2023 to 2025-2026), one discipline record and the students' 2025-2026 results.
Also writes the movement, class-week, block and award demo files (see their functions).
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
    ("principal", "ht", ["group_school_emulation_manager"], ["hr.group_hr_user"]),
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
RATED = {}  # (staff key, year) -> rating, filled while writing the ratings
# student number -> (class of 2026-2027, conduct, learning, subjects >= 9) of 2025-2026
STUDENT_RESULTS = {}
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
        " 'deputy_member_id': ref('block_unit_own_demo')}]\" />"
    )
    out.append(
        "    <!-- the year of the block through its own steps: scoring, the sealed "
        "acclamation\n         ballot (the officer enters each unit's ballot as "
        "received), the count -->"
    )
    block = _ref("block_thcs_demo")
    _fn("school.emulation.block", "action_start_scoring", block, out=out)
    _fn(
        "school.emulation.block",
        "action_start_voting",
        block,
        f"<value>{DEMO_PASSPHRASE}</value>",
        out=out,
    )
    # The acclamation ballot: every unit voted for both awards.
    flag_yes = {"hong_phong"}
    merit_yes = {"own", "mao_khe"}
    for voter, _name, _values in BLOCK_UNITS:
        for award, yes_set in (("flag", flag_yes), ("merit", merit_yes)):
            yes = [c for c, _cname, _cvalues in BLOCK_UNITS if c in yes_set]
            _fn(
                "school.emulation.block",
                "cast_vote",
                block,
                f"<value eval=\"ref('block_unit_{voter}_demo')\" />",
                f"<value>{award}</value>",
                '<value eval="['
                + ", ".join(f"ref('block_unit_{c}_demo')" for c in yes)
                + ']" />',
                out=out,
            )
    _fn(
        "school.emulation.block",
        "action_close",
        block,
        f"<value>{DEMO_PASSPHRASE}</value>",
        out=out,
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
            field("emulation_doc_code", "THCSXS"),
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
    # past school years of task ratings (the periods come from the period demo file)
    for year, scheme in RATING_YEARS:
        _ratings(rnd, year, scheme, out)
    # 2022-2023 has its own seed, so that the later years and the students stay as
    # they were before it was added; fewer HTXSNV (NĐ 90/2020 as amended by NĐ 48/2023:
    # at most 20 % of the HTTNV count)
    _ratings(random.Random(20230543), "2022", "ND90_2020", out, excellent=0.12)
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
    _awards()
    print(OUT, n, "students")


def _ratings(rnd, year, scheme, out, excellent=0.22):
    for key, *_rest in STAFF:
        recruited = _rest[6]
        if recruited > f"{int(year) + 1}-05-31":
            continue  # not yet at the school that year
        roll = rnd.random()
        rating = "htxsnv" if roll < excellent else "httnv" if roll < 0.92 else "htnv"
        if key in ("tt_toan", "ht"):  # a CSTĐCS chain for the demo
            rating = "htxsnv"
        RATED[(key, year)] = rating
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
                STUDENT_RESULTS[n] = (cname, conduct, learning, subjects)
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


OUT_AWARDS = os.path.join(
    ROOT, "school_emulation", "demo", "school_emulation_award_demo.xml"
)
# Title and form records in force at the end of each school year (31/08).
TITLE_ERA = {
    "2022": {
        "LDTT": "title_ldtt_2017",
        "CSTDCS": "title_cstdcs_2017",
        "TTLDTT": "title_ttldtt_2017",
    },
    "2023": {
        "LDTT": "title_ldtt_2024_tt01",
        "CSTDCS": "title_cstdcs_2024",
        "TTLDTT": "title_ttldtt_2024",
    },
    "2024": {
        "LDTT": "title_ldtt_2025",
        "CSTDCS": "title_cstdcs_2025",
        "TTLDTT": "title_ttldtt_2025",
        "HS_GIOI": "title_hs_gioi_2021",
    },
    "2025": {
        "LDTT": "title_ldtt_2025",
        "CSTDCS": "title_cstdcs_2025",
        "TTLDTT": "title_ttldtt_2025",
        "CSTD_TINH": "title_cstd_tinh_2025",
    },
}
COUNCIL = [
    ("ht", "chair", "Hiệu trưởng"),
    ("pht", "vice_chair", "Phó Hiệu trưởng"),
    ("nv_vt", "secretary", "Văn thư, phụ trách thi đua"),
    ("tt_toan", "member", "Tổ trưởng Tổ Toán - Tin"),
    ("tt_khtn", "member", "Tổ trưởng Tổ KHTN"),
    ("tt_van", "member", "Chủ tịch Công đoàn"),
    ("tt_nn", "member", "Bí thư Chi đoàn"),
]
INITIATIVES = [
    ("sk_toan", "tt_toan", "Dạy học hình học 8 bằng phần mềm GeoGebra", "Toán"),
    ("sk_tin", "gv_tin1", "Ôn tập Tin học 9 bằng Padlet và bài tập tự chấm", "Tin học"),
    ("sk_anh", "gv_anh1", "Câu lạc bộ tiếng Anh qua dự án", "Tiếng Anh"),
    (
        "sk_td",
        "gv_td1",
        "Trò chơi vận động trong giờ Thể dục khối 6",
        "Giáo dục thể chất",
    ),
]
# graders (initiative council members) and their points per initiative, rubric order
GRADES = {
    "pht": [[9, 8, 9, 9], [8, 7, 8, 7], [7, 6, 7, 6], [6, 6, 6, 5]],
    "tt_khtn": [[10, 9, 10, 9], [9, 9, 9, 8], [8, 8, 8, 8], [7, 7, 7, 7]],
    "tt_van": [[8, 7, 8, 8], [7, 7, 7, 6], [6, 5, 6, 6], [5, 5, 5, 5]],
}


def _in_group(key):
    return next(s[3] for s in STAFF if s[0] == key)


# the counting board's passphrase of the demo ballots (a real vote gets a generated
# one, shown once and stored nowhere)
DEMO_PASSPHRASE = "demo-kiem-phieu-2026"


def _fn(model, name, *values, out):
    out.append(f'    <function model="{model}" name="{name}">')
    for value in values:
        out.append(f"        {value}")
    out.append("    </function>")


def _ref(xmlid):
    return f"<value eval=\"[ref('{xmlid}')]\" />"


def _awards():
    """Award history of three past years (2022-2023 to 2024-2025, consistent with
    the ratings and the rules of each year), the students' titles, the 2025-2026
    council, ballot, proposal and decision, initiatives graded by three graders,
    exemplars in every stage."""
    out = [
        '<?xml version="1.0" encoding="utf-8" ?>',
        "<!-- Generated by scripts/gen_demo_school.py: award history, councils, "
        "proposals and decisions of the demo school. -->",
        "<odoo>",
    ]
    period = {
        y: f"school_emulation_period_{y}_demo"
        for y in ("2022", "2023", "2024", "2025", "2026")
    }
    groups = {}
    for key, *rest in STAFF:
        groups.setdefault(rest[2], []).append(key)
    _award_history(out, period, groups)
    _award_students_2025(out, period)
    _award_initiatives(out, period)
    ldtt_holders = _award_proposal(out, period, groups)
    _award_other_proposals(out, period, groups, ldtt_holders)
    _award_more_proposals(out, period)
    _award_exemplars(out, period)
    out.append("</odoo>")
    with open(OUT_AWARDS, "w", encoding="utf-8") as fh:
        fh.write("\n".join(out) + "\n")
    print(OUT_AWARDS)


# History years: decision of the year's titles (number, date), LĐTT months of work
# needed (10 under NĐ 91/2017, 6 from 2024) and the TTLĐTT members' share (more than
# 50 % under the 2003 Law, at least 70 % from 2024): the catalogue's rules of each year.
HISTORY = {
    "2022": ("312/QĐ-UBND", "2023-07-20", "authority_district_chair", 10, 50, True),
    "2023": ("298/QĐ-UBND", "2024-07-18", "authority_district_chair", 6, 70, False),
    "2024": ("41/QĐ-UBND", "2025-07-22", "authority_commune_chair", 6, 70, False),
}
# Initiatives recognised at the school in the history years: key, author, year, name,
# subject. Under NĐ 91/2017 (2022-2023) CSTĐCS needed one; from 2024 HTXSNV is enough.
HISTORY_INITIATIVES = [
    (
        "tt_toan_2022",
        "tt_toan",
        "2022",
        "Sử dụng GeoGebra vẽ hình động trong dạy học hình học lớp 7",
        "Toán",
    ),
    (
        "ht_2022",
        "ht",
        "2022",
        "Quản lý hồ sơ chuyên môn của giáo viên trên nền tảng số",
        "Quản lý",
    ),
    (
        "gv_toan3_2022",
        "gv_toan3",
        "2022",
        "Một số biện pháp phụ đạo học sinh yếu môn Toán lớp 6",
        "Toán",
    ),
    (
        "gv_ly1_2023",
        "gv_ly1",
        "2023",
        "Tổ chức dạy học chủ đề Năng lượng (Khoa học tự nhiên 6) qua trải nghiệm",
        "Khoa học tự nhiên",
    ),
    (
        "gv_van1_2024",
        "gv_van1",
        "2024",
        "Một số biện pháp rèn kĩ năng viết bài văn nghị luận cho học sinh lớp 9",
        "Ngữ văn",
    ),
]


def _months(start, end):
    """Whole months from ``start`` to ``end`` (ISO dates), as the eligibility engine."""
    (y1, m1, d1), (y2, m2, d2) = (map(int, d.split("-")) for d in (start, end))
    return (y2 - y1) * 12 + m2 - m1 - (1 if d2 < d1 else 0)


def _history(
    out,
    period,
    xmlid,
    key,
    year,
    code,
    subject="employee",
    award_type="merit",
    form=None,
    achievement=None,
    decision=None,
    initiative=None,
):
    """A past award (no decision record: decision number, date and body)."""
    se = "school_emulation."
    number, date, authority = decision or HISTORY[year][:3]
    vals = [
        field("period_id", ref=period[year]),
        field("subject_type", subject),
        field("award_type", award_type),
        field("decision_number", number),
        field("decision_date", date),
        field("authority_id", ref=se + authority),
        field("source", "history"),
    ]
    if subject == "employee":
        vals.append(field("employee_id", ref=f"employee_{key}_demo"))
    elif subject == "department":
        vals.append(field("department_id", ref=f"department_{key}_demo"))
    elif subject == "student":
        vals.append(field("student_id", ref=key))
    if form:
        vals.append(field("award_form_id", ref=se + form))
    else:
        vals.append(field("title_id", ref=se + TITLE_ERA[year][code]))
    if initiative:
        vals.append(field("initiative_id", ref=initiative))
    if achievement:
        vals.append(field("achievement", achievement))
    record(xmlid, "school.emulation.award", vals, out)


def _award_unit_ratings(out, period):
    # collective ratings: every group and the school, each year
    for year in ("2022", "2023", "2024", "2025"):
        for grp, *_r in GROUPS:
            record(
                f"unit_rating_{grp}_{year}_demo",
                "school.emulation.unit.rating",
                [
                    field("department_id", ref=f"department_{grp}_demo"),
                    field("period_id", ref=period[year]),
                    field("rating", "htxsnv" if grp == "toan_tin" else "httnv"),
                    field(
                        "source_document",
                        f"Đánh giá của Phòng GD&ĐT năm học {year}-{int(year) + 1}",
                    ),
                ],
                out,
            )
        record(
            f"unit_rating_school_{year}_demo",
            "school.emulation.unit.rating",
            [
                field("period_id", ref=period[year]),
                field("rating", "htxsnv"),
                field(
                    "source_document",
                    f"Xếp loại cơ sở giáo dục năm học {year}-{int(year) + 1}",
                ),
            ],
            out,
        )


def _history_initiatives(out, period):
    """Initiatives recognised at the school in the history years; returns
    ``{(staff key, year): xmlid}``."""
    authored = {}
    for xid, key, year, name, subject in HISTORY_INITIATIVES:
        authored[(key, year)] = f"initiative_{xid}_demo"
        record(
            f"initiative_{xid}_demo",
            "school.emulation.initiative",
            [
                field("name", name),
                field("field_subject", subject),
                field("period_id", ref=period[year]),
                field("date_applied", f"{year}-10-01"),
                field("state", "recognised"),
                field("recognised_scope", "school"),
                field("recognition_number", f"{20 + int(year) % 100}/QĐ-THCSXS"),
                field("recognition_date", f"{int(year) + 1}-05-20"),
                field(
                    "author_ids",
                    eval_=f"[Command.create({{'employee_id': ref('employee_{key}_demo'), 'share': 100}})]",
                ),
            ],
            out,
        )
    return authored


def _award_history(out, period, groups):
    _award_unit_ratings(out, period)
    authored = _history_initiatives(out, period)
    # staff and groups, from the ratings of each year (the 2025-2026 discipline of
    # gv_dia1 does not reach back)
    for year, (*_d, months, share, strict) in HISTORY.items():
        year_end = f"{int(year) + 1}-09-01"
        holders = set()
        for key, *rest in STAFF:
            rating = RATED.get((key, year))
            if rating not in ("httnv", "htxsnv") or _months(rest[6], year_end) < months:
                continue
            holders.add(key)
            _history(out, period, f"award_{key}_ldtt_{year}_demo", key, year, "LDTT")
            initiative = authored.get((key, year)) if year == "2022" else None
            if rating == "htxsnv" and (year != "2022" or initiative):
                _history(
                    out,
                    period,
                    f"award_{key}_cstdcs_{year}_demo",
                    key,
                    year,
                    "CSTDCS",
                    initiative=initiative,
                )
        if year == "2022":  # NĐ 91/2017 Art. 9.3: CSTĐCS at most 15 % of LĐTT
            assert sum(1 for k, y in authored if y == year) <= len(holders) * 15 // 100
        for grp, members in groups.items():  # every current member counts
            count = sum(1 for k in members if k in holders)
            if count * 100 > share * len(members) or (
                not strict and count * 100 == share * len(members)
            ):
                _history(
                    out,
                    period,
                    f"award_{grp}_ttldtt_{year}_demo",
                    grp,
                    year,
                    "TTLDTT",
                    subject="department",
                )
    _history(
        out,
        period,
        "award_gv_td1_adhoc_2024_demo",
        "gv_td1",
        "2023",
        None,
        award_type="ad_hoc",
        form="award_form_gk_huyen_2024",
        achievement="Cứu học sinh đuối nước tại hồ Yên Trung (đột xuất).",
        decision=("96/QĐ-UBND", "2024-04-12", "authority_district_chair"),
    )
    _award_history_students(out, period)


def _award_history_students(out, period):
    """The principal's Giấy khen of 2024-2025, only to students at the school then
    (grades 8 and 9 in 2026-2027): a good deed, and "Học sinh Giỏi" (TT 22/2021 Art.
    15) for two students of each of those classes who kept a good result."""
    older = [n for n in sorted(STUDENT_RESULTS) if STUDENT_RESULTS[n][0][0] in "89"]
    good = [n for n in older if STUDENT_RESULTS[n][1:3] == ("good", "good")]
    deed = next(n for n in older if STUDENT_RESULTS[n][1] == "good")
    _history(
        out,
        period,
        "award_student_adhoc_2025_demo",
        f"student_{deed:03d}_demo",
        "2024",
        None,
        subject="student",
        award_type="ad_hoc",
        form="award_form_gk_ht",
        achievement="Nhặt được ví tiền, trả lại người đánh rơi.",
        decision=("38/QĐ-THCSXS", "2025-03-14", "authority_principal"),
    )
    for cname in ("8A1", "8A2", "9A1", "9A2"):
        for n in [n for n in good if STUDENT_RESULTS[n][0] == cname][:2]:
            _history(
                out,
                period,
                f"award_student_{n:03d}_hs_gioi_2024_demo",
                f"student_{n:03d}_demo",
                "2024",
                "HS_GIOI",
                subject="student",
                achievement="Kết quả rèn luyện Tốt, kết quả học tập Tốt cả năm học.",
                decision=("52/QĐ-THCSXS", "2025-05-28", "authority_principal"),
            )


def _award_students_2025(out, period):
    """The principal's decision of the 2025-2026 student titles, from the results:
    "Học sinh Xuất sắc" (6 subjects at 9.0 or more) or "Học sinh Giỏi" (TT 22/2021
    Art. 15.1); only the higher one is given."""
    decision = "decision_students_2025_demo"
    # The school's register of decisions as it stood in 2026 (59 decisions issued
    # before this one), so that the demo decision keeps its number.
    record(
        "register_decision_2026_demo",
        "ir.sequence",
        [
            field("name", "Award Decisions (2026)"),
            field("code", "school_emulation.register.decision"),
            field("company_id", ref="base.main_company"),
            field("suffix", "/QĐ"),
            field("padding", eval_="2"),
            field("implementation", "no_gap"),
            field("use_date_range", eval_="True"),
            field(
                "date_range_ids",
                eval_="[Command.create({'date_from': '2026-01-01', "
                "'date_to': '2026-12-31', 'number_next_actual': 60})]",
            ),
        ],
        out,
    )
    record(
        decision,
        "school.emulation.decision",
        [
            field("date", "2026-05-27"),
            field("signer", "Hiệu trưởng Nguyễn Văn Hùng"),
            field("authority_id", ref="school_emulation.authority_principal"),
            field("legal_basis_id", ref="school_emulation.legal_basis_tt_22_2021"),
            field("period_id", ref=period["2025"]),
            field(
                "note",
                "Khen thưởng học sinh cuối năm học 2025-2026 (Giấy khen của Hiệu trưởng).",
            ),
        ],
        out,
    )
    for n, (_cname, conduct, learning, subjects) in sorted(STUDENT_RESULTS.items()):
        if (conduct, learning) != ("good", "good"):
            continue
        code = "hs_xs" if subjects >= 6 else "hs_gioi"
        record(
            f"award_student_{n:03d}_{code}_2025_demo",
            "school.emulation.award",
            [
                field("decision_id", ref=decision),
                field("period_id", ref=period["2025"]),
                field("subject_type", "student"),
                field("student_id", ref=f"student_{n:03d}_demo"),
                field("title_id", ref=f"school_emulation.title_{code}_2021"),
            ],
            out,
        )
    _fn("school.emulation.decision", "action_confirm", _ref(decision), out=out)


def _award_initiatives(out, period):
    # the 2025-2026 councils
    for council, kind, members in (
        ("council_2025_demo", "emulation", COUNCIL),
        (
            "council_initiative_2025_demo",
            "initiative",
            [
                (k, r, j)
                for k, r, j in COUNCIL
                if k in ("ht", "pht", "tt_khtn", "tt_van")
            ],
        ),
    ):
        record(
            council,
            "school.emulation.council",
            [
                field(
                    "name",
                    "Hội đồng Thi đua - Khen thưởng năm học 2025-2026"
                    if kind == "emulation"
                    else "Hội đồng sáng kiến năm học 2025-2026",
                ),
                field("kind", kind),
                field("period_id", ref=period["2025"]),
                field(
                    "decision_number",
                    "12/QĐ-THCSXS" if kind == "emulation" else "13/QĐ-THCSXS",
                ),
                field("decision_date", "2025-09-05"),
                field("quorum_pct", 80),
                field("exclude_author_department", kind == "initiative"),
            ],
            out,
        )
        for key, role, job in members:
            record(
                f"{council}_member_{key}",
                "school.emulation.council.member",
                [
                    field("council_id", ref=council),
                    field("employee_id", ref=f"employee_{key}_demo"),
                    field("role", role),
                    field("job_title", job),
                ],
                out,
            )
    # initiatives of 2025-2026 graded by three graders (the principal's sheet is
    # not used: he leads Ban Giám hiệu... graders: pht, tt_khtn, tt_van)
    for idx, (xid, author, name, subject) in enumerate(INITIATIVES):
        record(
            f"initiative_{xid}_demo",
            "school.emulation.initiative",
            [
                field("name", name),
                field("period_id", ref=period["2025"]),
                field("field_subject", subject),
                field("date_applied", "2025-10-01"),
                field("applied_at", "Các lớp khối 8, 9"),
                field("requested_scope", "province" if idx == 0 else "school"),
                field("council_id", ref="council_initiative_2025_demo"),
                field(
                    "description",
                    f"<p>{name}: mô tả giải pháp, các bước thực hiện.</p>",
                ),
                field(
                    "results",
                    "<p>Kết quả khảo sát trước và sau khi áp dụng (dữ liệu minh họa).</p>",
                ),
                field(
                    "author_ids",
                    eval_=f"[Command.create({{'employee_id': ref('employee_{author}_demo'), 'share': 100}})]",
                ),
            ],
            out,
        )
        _fn(
            "school.emulation.initiative",
            "action_submit",
            _ref(f"initiative_{xid}_demo"),
            out=out,
        )
        for grader, rows in GRADES.items():
            rid = f"review_{xid}_{grader}_demo"
            record(
                rid,
                "school.emulation.initiative.review",
                [
                    field("initiative_id", ref=f"initiative_{xid}_demo"),
                    field(
                        "member_id", ref=f"council_initiative_2025_demo_member_{grader}"
                    ),
                ],
                out,
            )
            _fn(
                "school.emulation.initiative.review",
                "set_points",
                _ref(rid),
                f'<value eval="{rows[idx]}" />',
                out=out,
            )
            _fn("school.emulation.initiative.review", "action_done", _ref(rid), out=out)
    for xid, scope, number in (
        ("sk_toan", "province", "1520/QĐ-UBND"),
        ("sk_tin", "school", "31/QĐ-THCSXS"),
        ("sk_anh", "school", "31/QĐ-THCSXS"),
    ):
        _fn(
            "school.emulation.initiative",
            "write",
            _ref(f"initiative_{xid}_demo"),
            f"<value eval=\"{{'recognised_scope': '{scope}', 'recognition_number': '{number}', 'recognition_date': '2026-05-20'}}\" />",
            out=out,
        )
        _fn(
            "school.emulation.initiative",
            "action_recognise",
            _ref(f"initiative_{xid}_demo"),
            out=out,
        )
    _fn(
        "school.emulation.initiative",
        "action_not_recognise",
        _ref("initiative_sk_td_demo"),
        out=out,
    )
    # a fifth initiative being graded: the KHTN leader is recused (same group)
    record(
        "initiative_sk_hoa_demo",
        "school.emulation.initiative",
        [
            field("name", "Học Hóa học 8 qua trải nghiệm làm xà phòng thủ công"),
            field("period_id", ref=period["2025"]),
            field("field_subject", "Hóa học"),
            field("council_id", ref="council_initiative_2025_demo"),
            field(
                "author_ids",
                eval_="[Command.create({'employee_id': ref('employee_gv_hoa1_demo'), 'share': 70}), Command.create({'employee_id': ref('employee_gv_sinh1_demo'), 'share': 30})]",
            ),
        ],
        out,
    )
    _fn(
        "school.emulation.initiative",
        "action_submit",
        _ref("initiative_sk_hoa_demo"),
        out=out,
    )
    _fn(
        "school.emulation.initiative",
        "action_assign_graders",
        _ref("initiative_sk_hoa_demo"),
        out=out,
    )
    _fn(
        "school.emulation.initiative",
        "write",
        _ref("initiative_sk_toan_demo"),
        "<value eval=\"{'is_published': True}\" />",
        out=out,
    )


def _award_proposal(out, period, groups):
    se = "school_emulation."
    # The school's register of proposals as it stood in 2026: the demo proposals
    # are numbered DN/2026/0001... whatever the day the demo is installed.
    record(
        "register_proposal_2026_demo",
        "ir.sequence",
        [
            field("name", "Award Proposals (2026)"),
            field("code", "school_emulation.register.proposal"),
            field("company_id", ref="base.main_company"),
            field("prefix", "DN/2026/"),
            field("padding", eval_="4"),
            field("implementation", "no_gap"),
            field("use_date_range", eval_="False"),
        ],
        out,
    )
    # the 2025-2026 school proposal: LĐTT, CSTĐCS (ballot), TTLĐTT of Tổ Toán - Tin
    prop = "proposal_2025_school_demo"
    record(
        prop,
        "school.emulation.proposal",
        [
            field(
                "description", "Đề nghị công nhận danh hiệu thi đua năm học 2025-2026"
            ),
            field("period_id", ref=period["2025"]),
            field("level", "school"),
            field("authority_id", ref=se + "authority_commune_chair"),
            field("deadline", "2026-06-20"),
        ],
        out,
    )
    lines = []
    ldtt_holders = set()
    for key, *_rest in STAFF:
        if RATED.get((key, "2025")) in ("httnv", "htxsnv") and key != "gv_dia1":
            if _rest[6] > "2025-11-30":
                continue  # recruited less than 6 months before the end of the year
            lid = f"{prop}_ldtt_{key}"
            lines.append(lid)
            ldtt_holders.add(key)
            record(
                lid,
                "school.emulation.proposal.line",
                [
                    field("proposal_id", ref=prop),
                    field("subject_type", "employee"),
                    field("employee_id", ref=f"employee_{key}_demo"),
                    field("title_id", ref=se + "title_ldtt_2025"),
                    field("achievement", "Hoàn thành tốt nhiệm vụ năm học 2025-2026."),
                ],
                out,
            )
    cstdcs = [k for k in ("tt_toan", "ht") if k in ldtt_holders]
    extra = next(
        k
        for k, *_r in STAFF
        if RATED.get((k, "2025")) == "htxsnv" and k not in cstdcs and k in ldtt_holders
    )
    cstdcs.append(extra)
    for key in cstdcs:
        record(
            f"{prop}_cstdcs_{key}",
            "school.emulation.proposal.line",
            [
                field("proposal_id", ref=prop),
                field("subject_type", "employee"),
                field("employee_id", ref=f"employee_{key}_demo"),
                field("title_id", ref=se + "title_cstdcs_2025"),
                field(
                    "achievement",
                    "Hoàn thành xuất sắc nhiệm vụ năm học 2025-2026 (xếp loại HTXSNV).",
                ),
            ],
            out,
        )
    for grp, members in groups.items():
        holders = [k for k in members if k in ldtt_holders]
        if grp != "bgh" and len(holders) * 100 >= 70 * len(members):
            record(
                f"{prop}_ttldtt_{grp}",
                "school.emulation.proposal.line",
                [
                    field("proposal_id", ref=prop),
                    field("subject_type", "department"),
                    field("department_id", ref=f"department_{grp}_demo"),
                    field("title_id", ref=se + "title_ttldtt_2025"),
                    field(
                        "achievement",
                        f"Tập thể hoàn thành tốt nhiệm vụ; {len(holders)}/{len(members)} thành viên đạt LĐTT.",
                    ),
                ],
                out,
            )
    session = "council_session_2025_demo"
    record(
        session,
        "school.emulation.council.session",
        [
            field("name", "Họp xét thi đua, khen thưởng cuối năm học 2025-2026"),
            field("council_id", ref="council_2025_demo"),
            field("date", "2026-05-28 01:30:00"),
            field("location", "Phòng họp Hội đồng sư phạm"),
            field("proposal_ids", eval_=f"[Command.set([ref('{prop}')])]"),
            field("conclusion", "Hội đồng thống nhất đề nghị danh sách kèm theo."),
        ],
        out,
    )
    _fn("school.emulation.council.session", "action_prepare", _ref(session), out=out)
    out.append(
        "    <!-- the counting board's passphrase of the demo; a real session gets a "
        "generated\n         one, shown once on the sealing sheet and stored nowhere -->"
    )
    _fn(
        "school.emulation.council.session",
        "action_open",
        _ref(session),
        f"<value>{DEMO_PASSPHRASE}</value>",
        out=out,
    )
    # seven paper ballots: the first two CSTĐCS candidates get 7 and 6 yes (80 %
    # reached), the third 5 of 7 (71 %: below the threshold)
    papers = []
    for i in range(7):
        yes = [f"{prop}_cstdcs_{cstdcs[0]}"]
        if i < 6:
            yes.append(f"{prop}_cstdcs_{cstdcs[1]}")
        if i < 5:
            yes.append(f"{prop}_cstdcs_{cstdcs[2]}")
        papers.append("[" + ", ".join(f"ref('{y}')" for y in yes) + "]")
    _fn(
        "school.emulation.council.session",
        "record_paper_ballots",
        _ref(session),
        f'<value eval="[{", ".join(papers)}]" />',
        out=out,
    )
    _fn(
        "school.emulation.council.session",
        "action_close",
        _ref(session),
        f"<value>{DEMO_PASSPHRASE}</value>",
        out=out,
    )
    _fn("school.emulation.proposal", "action_council_review", _ref(prop), out=out)
    _fn("school.emulation.proposal", "action_publish", _ref(prop), out=out)
    _fn(
        "school.emulation.proposal",
        "write",
        _ref(prop),
        "<value eval=\"{'posting_start': '2026-06-01', 'posting_end': '2026-06-03'}\" />",
        out=out,
    )
    record(
        f"{prop}_comment",
        "school.emulation.proposal.comment",
        [
            field("proposal_id", ref=prop),
            field("comment", "Đề nghị bổ sung minh chứng sáng kiến của tổ Toán - Tin."),
            field("response", "Đã bổ sung vào hồ sơ."),
        ],
        out,
    )
    attachments = {
        "TO_TRINH": "to-trinh-de-nghi-khen-thuong-2025-2026.txt",
        "DANH_SACH": "danh-sach-de-nghi-2025-2026.txt",
        "BIEN_BAN": "bien-ban-hop-hoi-dong-28-5-2026.txt",
    }
    import base64

    for code, fname in attachments.items():
        aid = f"attachment_{code.lower()}_2025_demo"
        record(
            aid,
            "ir.attachment",
            [
                field("name", fname),
                field(
                    "datas",
                    base64.b64encode(f"{fname} (tài liệu minh họa)".encode()).decode(),
                ),
                field("mimetype", "text/plain"),
            ],
            out,
        )
        _fn(
            "school.emulation.proposal",
            "attach_to_checklist",
            _ref(prop),
            f"<value>{code}</value>",
            f"<value eval=\"[ref('{aid}')]\" />",
            out=out,
        )
    for key in cstdcs[:2]:  # the third candidate fell short in the ballot
        for code in ("BAO_CAO", "XAC_NHAN"):
            aid = f"attachment_{code.lower()}_{key}_2025_demo"
            record(
                aid,
                "ir.attachment",
                [
                    field("name", f"{code.lower()}-{key}.txt"),
                    field(
                        "datas",
                        base64.b64encode(
                            f"{code} {key} (tài liệu minh họa)".encode()
                        ).decode(),
                    ),
                    field("mimetype", "text/plain"),
                ],
                out,
            )
            _fn(
                "school.emulation.proposal",
                "attach_to_checklist",
                _ref(prop),
                f"<value>{code}</value>",
                f"<value eval=\"[ref('{aid}')]\" />",
                f"<value eval=\"ref('{prop}_cstdcs_{key}')\" />",
                out=out,
            )
    _fn("school.emulation.proposal", "action_submit", _ref(prop), out=out)
    _fn(
        "school.emulation.proposal",
        "write",
        _ref(prop),
        "<value eval=\"{'submitted_date': '2026-06-05'}\" />",
        out=out,
    )
    _fn("school.emulation.proposal", "action_record_decision", _ref(prop), out=out)
    search = f"[('proposal_id', '=', ref('{prop}'))]"
    out.append('    <function model="school.emulation.decision" name="write">')
    out.append(f'        <value model="school.emulation.decision" search="{search}" />')
    out.append(
        "        <value eval=\"{'name': '215/QĐ-UBND', 'date': '2026-07-15', 'signer': 'Chủ tịch UBND xã Xuân Sơn', 'legal_basis_id': ref('school_emulation.legal_basis_nd_152_2025')}\" />"
    )
    out.append("    </function>")
    out.append('    <function model="school.emulation.decision" name="action_confirm">')
    out.append(f'        <value model="school.emulation.decision" search="{search}" />')
    out.append("    </function>")
    return ldtt_holders


def _award_other_proposals(out, period, groups, ldtt_holders):
    se = "school_emulation."
    # a CSTĐ tỉnh proposal in draft for the chain candidate, a group proposal
    # reviewed by its group, an ad-hoc proposal returned by the commune
    record(
        "proposal_2025_cstd_tinh_demo",
        "school.emulation.proposal",
        [
            field("description", "Đề nghị Chiến sĩ thi đua cấp tỉnh năm học 2025-2026"),
            field("period_id", ref=period["2025"]),
            field("level", "school"),
            field("authority_id", ref=se + "authority_province_chair"),
            field(
                "line_ids",
                eval_="[Command.create({'subject_type': 'employee', 'employee_id': ref('employee_tt_toan_demo'), 'title_id': ref('school_emulation.title_cstd_tinh_2025'), 'initiative_id': ref('initiative_sk_toan_demo'), 'achievement': '03 năm liên tục đạt CSTĐCS; sáng kiến GeoGebra có phạm vi ảnh hưởng cấp tỉnh.'})]",
            ),
        ],
        out,
    )
    _fn(
        "school.emulation.proposal",
        "action_check_eligibility",
        _ref("proposal_2025_cstd_tinh_demo"),
        out=out,
    )
    record(
        "proposal_2025_khtn_demo",
        "school.emulation.proposal",
        [
            field(
                "description",
                "Tổ Khoa học tự nhiên đề nghị khen thưởng năm học 2025-2026",
            ),
            field("period_id", ref=period["2025"]),
            field("level", "group"),
            field("department_id", ref="department_khtn_demo"),
            field(
                "line_ids",
                eval_="["
                + ", ".join(
                    f"Command.create({{'subject_type': 'employee', 'employee_id': ref('employee_{k}_demo'), 'title_id': ref('school_emulation.title_ldtt_2025')}})"
                    for k in groups["khtn"]
                    if k in ldtt_holders
                )
                + "]",
            ),
        ],
        out,
    )
    _fn(
        "school.emulation.proposal",
        "action_group_review",
        _ref("proposal_2025_khtn_demo"),
        out=out,
    )
    record(
        "proposal_2025_adhoc_demo",
        "school.emulation.proposal",
        [
            field("description", "Đề nghị Giấy khen đột xuất"),
            field("period_id", ref=period["2025"]),
            field("level", "school"),
            field("kind", "ad_hoc"),
            field("authority_id", ref=se + "authority_commune_chair"),
            field("override_reason", "Hồ sơ giấy nộp trực tiếp tại UBND xã."),
            field(
                "line_ids",
                eval_="[Command.create({'subject_type': 'employee', 'employee_id': ref('employee_gv_td1_demo'), 'award_form_id': ref('school_emulation.award_form_gk_xa_2025'), 'award_type': 'ad_hoc', 'achievement': 'Huấn luyện đội bóng đá học sinh đạt giải Nhất cấp tỉnh.'})]",
            ),
        ],
        out,
    )
    _fn(
        "school.emulation.proposal",
        "action_submit",
        _ref("proposal_2025_adhoc_demo"),
        out=out,
    )
    _fn(
        "school.emulation.proposal",
        "write",
        _ref("proposal_2025_adhoc_demo"),
        "<value eval=\"{'submitted_date': '2026-04-20'}\" />",
        out=out,
    )
    record(
        "proposal_2025_adhoc_return_demo",
        "school.emulation.proposal.reason",
        [
            field("proposal_id", ref="proposal_2025_adhoc_demo"),
            field("action", "return"),
            field("reason", "Bổ sung quyết định công nhận giải thưởng của Sở GD&ĐT."),
        ],
        out,
    )
    _fn(
        "school.emulation.proposal.reason",
        "action_confirm",
        _ref("proposal_2025_adhoc_return_demo"),
        out=out,
    )


# Giấy khen of the commune chair proposed after a supplementary council session:
# key, description, candidates (staff key, achievement), the state they are left in.
MORE_PROPOSALS = [
    (
        "gk_hkpd",
        "DN/2026/0005",
        "Đề nghị Giấy khen: tổ chức Hội khỏe Phù Đổng cấp trường năm học 2025-2026",
        [
            ("gv_td1", "Tổ chức Hội khỏe Phù Đổng cấp trường, 420 học sinh tham gia."),
            ("gv_nhac1", "Dàn dựng chương trình văn nghệ khai mạc Hội khỏe Phù Đổng."),
        ],
        "council_reviewed",
    ),
    (
        "gk_hsg",
        "DN/2026/0006",
        "Đề nghị Giấy khen: bồi dưỡng học sinh giỏi năm học 2025-2026",
        [
            ("gv_toan2", "Bồi dưỡng 03 học sinh đạt giải cấp tỉnh môn Toán lớp 9."),
            ("gv_van1", "Bồi dưỡng 02 học sinh đạt giải cấp tỉnh môn Ngữ văn lớp 9."),
        ],
        "published",
    ),
    (
        "gk_cds",
        "DN/2026/0007",
        "Đề nghị Giấy khen: chuyển đổi số trong nhà trường năm học 2025-2026",
        [("gv_tin1", "Xây dựng kho học liệu số dùng chung của nhà trường.")],
        "submitted",
    ),
]


def _attach(out, prop, code, fname, line=None):
    """A small text file attached to a dossier checklist document."""
    import base64

    aid = f"attachment_{prop}_{code.lower()}{'_' + line if line else ''}"
    record(
        aid,
        "ir.attachment",
        [
            field("name", fname),
            field(
                "datas",
                base64.b64encode(f"{fname} (tài liệu minh họa)".encode()).decode(),
            ),
            field("mimetype", "text/plain"),
        ],
        out,
    )
    values = [f"<value>{code}</value>", f"<value eval=\"[ref('{aid}')]\" />"]
    if line:
        values.append(f"<value eval=\"ref('{line}')\" />")
    _fn(
        "school.emulation.proposal", "attach_to_checklist", _ref(prop), *values, out=out
    )


def _award_more_proposals(out, period):
    """Proposals in the states the main flow does not leave: council reviewed,
    publicly posted (posting over, dossier complete: ready to submit), submitted
    (waiting for the commune), and an ad-hoc one rejected by the commune."""
    se = "school_emulation."
    props = []
    # proposal numbers come from the school's register (not from the demo)
    for key, _number, description, lines, _state in MORE_PROPOSALS:
        prop = f"proposal_2025_{key}_demo"
        props.append(prop)
        record(
            prop,
            "school.emulation.proposal",
            [
                field("description", description),
                field("period_id", ref=period["2025"]),
                field("level", "school"),
                field("authority_id", ref=se + "authority_commune_chair"),
                field("deadline", "2026-06-30"),
            ],
            out,
        )
        for staff, achievement in lines:
            record(
                f"{prop}_{staff}",
                "school.emulation.proposal.line",
                [
                    field("proposal_id", ref=prop),
                    field("subject_type", "employee"),
                    field("employee_id", ref=f"employee_{staff}_demo"),
                    field("award_form_id", ref=se + "award_form_gk_xa_2025"),
                    field("achievement", achievement),
                ],
                out,
            )
    session = "council_session_2025_more_demo"
    record(
        session,
        "school.emulation.council.session",
        [
            field("name", "Họp xét bổ sung Giấy khen năm học 2025-2026"),
            field("council_id", ref="council_2025_demo"),
            field("date", "2026-06-08 01:30:00"),
            field("location", "Phòng họp Hội đồng sư phạm"),
            field(
                "proposal_ids",
                eval_="[Command.set(["
                + ", ".join(f"ref('{p}')" for p in props)
                + "])]",
            ),
            field("conclusion", "Hội đồng thống nhất đề nghị Giấy khen (biểu quyết)."),
        ],
        out,
    )
    _fn("school.emulation.council.session", "action_prepare", _ref(session), out=out)
    for fn in ("action_open", "action_close"):
        _fn(
            "school.emulation.council.session",
            fn,
            _ref(session),
            f"<value>{DEMO_PASSPHRASE}</value>",
            out=out,
        )
    for (key, _n, _d, lines, state), prop in zip(MORE_PROPOSALS, props, strict=True):
        _fn("school.emulation.proposal", "action_council_review", _ref(prop), out=out)
        if state == "council_reviewed":
            continue
        _fn("school.emulation.proposal", "action_publish", _ref(prop), out=out)
        _fn(
            "school.emulation.proposal",
            "write",
            _ref(prop),
            "<value eval=\"{'posting_start': '2026-06-09', "
            "'posting_end': '2026-06-15'}\" />",
            out=out,
        )
        _attach(out, prop, "TO_TRINH", f"to-trinh-{key}-2025-2026.txt")
        for staff, _a in lines:
            _attach(
                out, prop, "TOM_TAT", f"tom-tat-{key}-{staff}.txt", f"{prop}_{staff}"
            )
        if state == "submitted":
            _fn("school.emulation.proposal", "action_submit", _ref(prop), out=out)
            _fn(
                "school.emulation.proposal",
                "write",
                _ref(prop),
                "<value eval=\"{'submitted_date': '2026-06-17'}\" />",
                out=out,
            )
    # an ad-hoc proposal the commune rejected
    prop = "proposal_2025_adhoc_rejected_demo"
    record(
        prop,
        "school.emulation.proposal",
        [
            field("description", "Đề nghị Giấy khen đột xuất: phòng chống bão số 3"),
            field("period_id", ref=period["2025"]),
            field("level", "school"),
            field("kind", "ad_hoc"),
            field("authority_id", ref=se + "authority_commune_chair"),
            field("override_reason", "Hồ sơ giấy nộp trực tiếp tại UBND xã."),
            field(
                "line_ids",
                eval_="[Command.create({'subject_type': 'employee', 'employee_id': "
                "ref('employee_nv_yt_demo'), 'award_form_id': "
                "ref('school_emulation.award_form_gk_xa_2025'), 'award_type': "
                "'ad_hoc', 'achievement': 'Sơ cứu học sinh bị thương khi bão số 3 "
                "làm đổ cây trong sân trường.'})]",
            ),
        ],
        out,
    )
    _fn("school.emulation.proposal", "action_submit", _ref(prop), out=out)
    _fn(
        "school.emulation.proposal",
        "write",
        _ref(prop),
        "<value eval=\"{'submitted_date': '2026-05-11'}\" />",
        out=out,
    )
    record(
        "proposal_2025_adhoc_reject_demo",
        "school.emulation.proposal.reason",
        [
            field("proposal_id", ref=prop),
            field("action", "reject"),
            field(
                "reason",
                "Thành tích đã được UBND xã khen thưởng tại Quyết định số 88/QĐ-UBND.",
            ),
        ],
        out,
    )
    _fn(
        "school.emulation.proposal.reason",
        "action_confirm",
        _ref("proposal_2025_adhoc_reject_demo"),
        out=out,
    )


def _award_exemplars(out, period):
    # exemplars in every stage, good deeds
    stages = [
        (
            "ex_stem",
            "Câu lạc bộ STEM của khối 8",
            "new_model",
            "class",
            "class_8a1_2025_demo",
            "replicated",
        ),
        (
            "ex_toan",
            "Cô giáo đưa GeoGebra vào giờ học Toán",
            "advanced_individual",
            "employee",
            "employee_tt_toan_demo",
            "recognised",
        ),
        (
            "ex_doc_sach",
            "Tủ sách lớp học thân thiện",
            "new_model",
            "department",
            "department_van_xh_demo",
            "nurturing",
        ),
        (
            "ex_the_thao",
            "Thầy giáo cứu học sinh đuối nước",
            "good_deed",
            "employee",
            "employee_gv_td1_demo",
            "spotted",
        ),
        (
            "ex_cu",
            "Mô hình đôi bạn cùng tiến (2022)",
            "thematic",
            "school",
            None,
            "archived",
        ),
    ]
    for xid, name, kind, subject, ref_id, stage in stages:
        vals = [
            field("name", name),
            field("exemplar_type", kind),
            field("subject_type", subject),
            field("period_id", ref=period["2025"]),
            field(
                "story",
                f"<p>{name}: câu chuyện, kết quả và minh chứng (dữ liệu minh họa).</p>",
            ),
        ]
        if ref_id:
            vals.append(
                field(
                    {
                        "class": "class_id",
                        "employee": "employee_id",
                        "department": "department_id",
                    }[subject],
                    ref=ref_id,
                )
            )
        if stage != "spotted":
            vals += [
                field(
                    "criteria",
                    "Có sản phẩm dự thi cấp tỉnh; chia sẻ ít nhất 2 buổi sinh hoạt chuyên môn.",
                ),
                field("mentor_id", ref="employee_pht_demo"),
            ]
        record(f"exemplar_{xid}_demo", "school.emulation.exemplar", vals, out)
        if stage == "spotted":
            continue
        record(
            f"exemplar_{xid}_milestone_demo",
            "school.emulation.exemplar.milestone",
            [
                field("exemplar_id", ref=f"exemplar_{xid}_demo"),
                field("name", "Báo cáo kết quả trước Hội đồng"),
                field("date_deadline", "2026-12-15"),
                field("owner_id", ref="base.user_admin"),
            ],
            out,
        )
        if stage in ("replicated",):
            record(
                f"exemplar_{xid}_replication_demo",
                "school.emulation.exemplar.replication",
                [
                    field("exemplar_id", ref=f"exemplar_{xid}_demo"),
                    field("date", "2026-04-10"),
                    field("kind", "adoption"),
                    field("other_units", "THCS Hồng Phong, THCS Yên Thọ"),
                    field("participants", 45),
                    field(
                        "result", "Hai trường bạn thành lập câu lạc bộ theo mô hình."
                    ),
                ],
                out,
            )
        chain = {
            "nurturing": ["action_nurture"],
            "recognised": ["action_nurture", "action_recognise"],
            "replicated": ["action_nurture", "action_recognise", "action_replicate"],
            "archived": ["action_nurture", "action_archive_exemplar"],
        }[stage]
        for action in chain:
            _fn(
                "school.emulation.exemplar",
                action,
                _ref(f"exemplar_{xid}_demo"),
                out=out,
            )
        if stage in ("recognised", "replicated"):
            _fn(
                "school.emulation.exemplar",
                "action_publish",
                _ref(f"exemplar_{xid}_demo"),
                out=out,
            )
    record(
        "good_deed_1_demo",
        "school.emulation.good.deed",
        [
            field("date", "2026-03-02"),
            field("subject_type", "student"),
            field("student_name", "Nguyễn Minh Khang"),
            field("class_id", ref="class_7a1_2025_demo"),
            field(
                "description",
                "Nhặt được điện thoại ở sân trường, nộp cho cô Tổng phụ trách Đội.",
            ),
            field("reported_by", ref="user_teacher_demo"),
        ],
        out,
    )
    record(
        "good_deed_2_demo",
        "school.emulation.good.deed",
        [
            field("date", "2026-04-15"),
            field("subject_type", "employee"),
            field("employee_id", ref="employee_gv_anh2_demo"),
            field(
                "description",
                "Dạy thêm miễn phí cho học sinh có hoàn cảnh khó khăn ôn thi vào lớp 10.",
            ),
            field("reported_by", ref="user_leader_demo"),
        ],
        out,
    )


if __name__ == "__main__":
    main()
