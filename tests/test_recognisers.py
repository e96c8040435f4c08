"""The importer's recognisers, over words taken from real public Vietnamese documents.

Each case names the kind of document it comes from, and the document itself where the
words were copied from one (with the line breaks it was published with). Headers of
task tables are labelled with the kind of appendix that uses them.
"""

from __future__ import annotations

import unicodedata

import pytest

from plansite.importer.agencies import Named, agency_id, full_name, same_agency, split_agencies
from plansite.importer.columns import Role, is_header_row, role_of, roles
from plansite.text import slugify


def ids(cases: list[tuple[str, str, object]]) -> list[str]:
    """Readable test ids: the words of each case, as a slug."""
    return [slugify(case[1])[:48] or "rong" for case in cases]


# --- Column headers ---------------------------------------------------------------------

PROGRAMME = "phụ lục nhiệm vụ của chương trình hành động thực hiện nghị quyết"
WORK = "chương trình công tác năm của UBND (danh mục đề án trình)"
PLAN = "phụ lục kế hoạch triển khai của UBND tỉnh, huyện"
REPORT = "biểu báo cáo kết quả thực hiện kế hoạch"

N, T, L, S, D, P, X = (
    Role.NUMBER,
    Role.TASK,
    Role.LEAD,
    Role.SUPPORT,
    Role.DUE,
    Role.PRODUCT,
    Role.OTHER,
)


HEADER_CASES = [
    (PROGRAMME, "TT", N),
    (PLAN, "STT", N),
    (PLAN, "Số TT", N),
    (PLAN, "Số\nTT", N),
    (PROGRAMME, "Nhiệm vụ", T),
    (PLAN, "Nội dung", T),
    (PLAN, "Nội dung công việc", T),
    (PROGRAMME, "Tên nhiệm vụ", T),
    (PROGRAMME, "Nhiệm vụ, đề án, dự án", T),
    (PLAN, "Nội dung nhiệm vụ", T),
    (WORK, "Tên đề án, nhiệm vụ", T),
    (PLAN, "NHIỆM VỤ", T),
    (PLAN, "Nhiệm vụ cụ thể", T),
    (PROGRAMME, "Cơ quan chủ trì", L),
    (PLAN, "Đơn vị chủ trì", L),
    (PLAN, "Chủ trì", L),
    (PLAN, "Cơ quan chủ trì thực hiện", L),
    (PLAN, "Cơ quan chủ trì\nthực hiện", L),
    (PLAN, "Cơ quan, đơn vị chủ trì", L),
    (PROGRAMME, "Cơ quan  chủ trì (3)", L),
    (PROGRAMME, "CƠ QUAN CHỦ TRÌ", L),
    (PROGRAMME, "Cơ quan phối hợp", S),
    (PLAN, "Cơ quan phối hợp thực hiện", S),
    (PLAN, "Đơn vị phối hợp", S),
    (PLAN, "Phối hợp", S),
    (PROGRAMME, "Cơ quan phối hợp (4)", S),
    (PROGRAMME, "Thời gian hoàn thành", D),
    (PLAN, "Thời hạn", D),
    (PLAN, "Thời gian thực hiện", D),
    (WORK, "Thời gian trình", D),
    (PLAN, "Tiến độ", D),
    (PLAN, "Tiến độ thực hiện", D),
    (PROGRAMME, "Thời hạn hoàn thành", D),
    (PLAN, "Thời gian", D),
    (PROGRAMME, "Thời gian\nhoàn thành (5)", D),
    (PROGRAMME, "Sản phẩm", P),
    (PLAN, "Kết quả", P),
    (PROGRAMME, "Sản phẩm đầu ra", P),
    (WORK, "Hình thức văn bản", P),
    (PLAN, "Dự kiến sản phẩm", P),
    (PLAN, "Sản phẩm/Kết quả", P),
    (WORK, "Cấp trình", X),
    (PLAN, "Kinh phí", X),
    (PLAN, "Ghi chú", X),
    (PLAN, "Nguồn kinh phí", X),
    (REPORT, "Kết quả thực hiện", X),
    (PLAN, "Cơ quan chủ trì, phối hợp", X),
    (PLAN, "", X),
]


@pytest.mark.parametrize(("kind", "header", "role"), HEADER_CASES, ids=ids(HEADER_CASES))
def test_a_header_names_its_columns_role(kind: str, header: str, role: Role) -> None:
    assert role_of(header) is role, kind


@pytest.mark.parametrize(
    ("kind", "headers", "expected"),
    [
        (
            PROGRAMME,
            [
                "TT",
                "Nhiệm vụ",
                "Cơ quan chủ trì",
                "Cơ quan phối hợp",
                "Thời gian hoàn thành",
                "Sản phẩm",
            ],
            [N, T, L, S, D, P],
        ),
        (
            WORK,
            ["TT", "Tên đề án, nhiệm vụ", "Cơ quan chủ trì", "Cấp trình", "Thời gian trình"],
            [N, T, L, X, D],
        ),
        (
            PLAN,
            [
                "STT",
                "Nội dung công việc",
                "Đơn vị chủ trì",
                "Đơn vị phối hợp",
                "Thời gian thực hiện",
                "Ghi chú",
            ],
            [N, T, L, S, D, X],
        ),
        (
            PLAN,
            ["Nhiệm vụ", "Chủ trì", "Phối hợp", "Thời gian", "Kinh phí", "Nguồn kinh phí"],
            [T, L, S, D, X, X],
        ),
        # The header rows of the real documents in tests/fixtures/import/real/ (SOURCES.md).
        (
            "Quyết định 2597/QĐ-TTg ngày 27/11/2025, Phụ lục",
            [
                "STT",
                "Tên nhiệm vụ/dự án",
                "Cơ quan chủ trì",
                "Cơ quan phối hợp",
                "Kết quả dự kiến",
                "Thời gian triển khai",
            ],
            [N, T, L, S, P, D],
        ),
        (
            "Quyết định 2820/QĐ-UBND ngày 19/11/2025 (TP Hồ Chí Minh), Phụ lục",
            [
                "TT",
                "Nhiệm vụ",
                "Cơ quan chủ trì",
                "Cơ quan phối hợp",
                "Thời gian dự kiến hoàn thành",
                "Kết quả dự kiến",
                "Nguồn kinh phí",
            ],
            [N, T, L, S, D, P, X],
        ),
        (
            "Kế hoạch 552/KH-UBND ngày 19/11/2025 (Đồng Tháp), Phụ lục",
            ["STT", "NHIỆM VỤ VÀ GIẢI PHÁP", "CHỦ TRÌ", "PHỐI HỢP", "THỜI GIAN"],
            [N, T, L, S, D],
        ),
    ],
)
def test_a_header_row_gives_each_column_a_role(
    kind: str, headers: list[str], expected: list[Role]
) -> None:
    assert roles(headers) == expected, kind


@pytest.mark.parametrize(
    ("kind", "headers", "expected"),
    [
        # The submission date is the deadline; "Tiến độ" beside it is kept as written.
        (
            WORK,
            ["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời gian trình", "Tiến độ"],
            [N, T, L, D, X],
        ),
        (PLAN, ["Nội dung", "Thời gian thực hiện", "Thời hạn hoàn thành"], [T, X, D]),
        # Equally precise: the first column keeps the role.
        (PLAN, ["Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan chủ trì"], [T, L, X]),
    ],
)
def test_two_columns_of_one_role_leave_one_with_it(
    kind: str, headers: list[str], expected: list[Role]
) -> None:
    assert roles(headers) == expected, kind


@pytest.mark.parametrize(
    ("kind", "cells", "header"),
    [
        (
            PROGRAMME,
            ["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"],
            True,
        ),
        (PLAN, ["STT", "Nội dung công việc", "Đơn vị chủ trì\nthực hiện", "Ghi chú"], True),
        (PLAN, ["Nội dung", "Thời gian"], True),
        (PLAN, ["(1)", "(2)", "(3)", "(4)", "(5)"], False),
        (PLAN, ["TT", "Cơ quan chủ trì", "Thời gian"], False),
        (PLAN, ["Nhiệm vụ", "Ghi chú"], False),
        (PLAN, ["I", "CÔNG TÁC TUYÊN TRUYỀN", "", "", ""], False),
        # A task row of the plan this site was built for: long words are never a header.
        (
            PLAN,
            [
                "1",
                "Triển khai, quán triệt các nội dung Chỉ thị số 27-CT/TU, Kế hoạch số 04/KH-UBND",
                "Phòng Tài nguyên và Môi trường",
                "Các phòng ban, ngành thành phố Trà Vinh, Ủy ban nhân dân phường, xã",
                "Năm 2023",
            ],
            False,
        ),
    ],
)
def test_a_header_row_is_told_from_a_task_row(kind: str, cells: list[str], header: bool) -> None:
    assert is_header_row(cells) is header, kind


# --- Agencies in a lead or partner cell -------------------------------------------------

ARTICLE_3 = "Điều 3 của quyết định ban hành kế hoạch (những ai thi hành)"
RECIPIENTS = "Nơi nhận, Kính gửi của văn bản hành chính (một cơ quan một dòng)"
NEWS = "tin của cổng thông tin, báo địa phương về một văn bản chỉ đạo"
BODY = "lời văn giao việc trong kế hoạch, quyết định"
CELL = "ô chủ trì, phối hợp của phụ lục kế hoạch (kiểu thường gặp)"
G = True  # generic: names no one in particular
A = False  # an agency


def one(words: str, name: str | None = None, generic: bool = A) -> tuple[str, str, bool]:
    return (words, name or words, generic)


AGENCY_CASES = [
    (
        CELL,
        "Sở Xây dựng, Sở Tài nguyên và Môi trường",
        [one("Sở Xây dựng"), one("Sở Tài nguyên và Môi trường")],
    ),
    (CELL, "Sở Văn hóa, Thể thao và Du lịch", [one("Sở Văn hóa, Thể thao và Du lịch")]),
    (CELL, "Sở Lao động - Thương binh và Xã hội", [one("Sở Lao động - Thương binh và Xã hội")]),
    (CELL, "Bộ Kế hoạch và Đầu tư", [one("Bộ Kế hoạch và Đầu tư")]),
    (
        CELL,
        "Sở Kế hoạch và Đầu tư và các đơn vị liên quan",
        [one("Sở Kế hoạch và Đầu tư"), one("các đơn vị liên quan", generic=G)],
    ),
    (
        CELL,
        "Các Sở: Tài chính, Xây dựng, Nông nghiệp và PTNT",
        [
            one("Tài chính", "Sở Tài chính"),
            one("Xây dựng", "Sở Xây dựng"),
            one("Nông nghiệp và PTNT", "Sở Nông nghiệp và Phát triển nông thôn"),
        ],
    ),
    (
        CELL,
        "các Bộ: Công an, Quốc phòng",
        [one("Công an", "Bộ Công an"), one("Quốc phòng", "Bộ Quốc phòng")],
    ),
    (
        CELL,
        "Các sở, ngành: Tài chính, Công an tỉnh, Văn phòng UBND tỉnh",
        [
            one("Tài chính", "Sở Tài chính"),
            one("Công an tỉnh"),
            one("Văn phòng UBND tỉnh", "Văn phòng Ủy ban nhân dân tỉnh"),
        ],
    ),
    (CELL, "UBND TP Cần Thơ", [one("UBND TP Cần Thơ", "Ủy ban nhân dân thành phố Cần Thơ")]),
    (
        CELL,
        "UBND các huyện, thị xã, thành phố",
        [
            one(
                "UBND các huyện, thị xã, thành phố",
                "Ủy ban nhân dân các huyện, thị xã, thành phố",
                G,
            )
        ],
    ),
    (
        CELL,
        "Hội Liên hiệp Phụ nữ tỉnh, Tỉnh đoàn, Hội Nông dân tỉnh",
        [one("Hội Liên hiệp Phụ nữ tỉnh"), one("Tỉnh đoàn"), one("Hội Nông dân tỉnh")],
    ),
    (
        CELL,
        "Văn phòng Đoàn ĐBQH và HĐND tỉnh",
        [
            one(
                "Văn phòng Đoàn ĐBQH và HĐND tỉnh",
                "Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh",
            )
        ],
    ),
    (
        CELL,
        "Sở Y tế\nSở Giáo dục và Đào tạo\nUBND các huyện, thành phố",
        [
            one("Sở Y tế"),
            one("Sở Giáo dục và Đào tạo"),
            one("UBND các huyện, thành phố", "Ủy ban nhân dân các huyện, thành phố", G),
        ],
    ),
    (CELL, "Sở Tài chính (chủ trì)", [one("Sở Tài chính (chủ trì)", "Sở Tài chính")]),
    (CELL, "Các đơn vị, địa phương", [one("Các đơn vị, địa phương", generic=G)]),
    (
        CELL,
        "các cơ quan, đơn vị có liên quan",
        [one("các cơ quan, đơn vị có liên quan", generic=G)],
    ),
    (
        CELL,
        "Ủy ban MTTQ Việt Nam tỉnh và các tổ chức chính trị - xã hội",
        [
            one("Ủy ban MTTQ Việt Nam tỉnh", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"),
            one("các tổ chức chính trị - xã hội", generic=G),
        ],
    ),
    # QĐ 1563/QĐ-UBND ngày 24/8/2017 của Chủ tịch UBND tỉnh Quảng Ngãi, Điều 3.
    (
        ARTICLE_3,
        "Chánh Văn phòng UBND tỉnh; Giám đốc các Sở: Lao động - Thương binh và Xã hội, Kế hoạch"
        " và Đầu tư, Tài chính, Thông tin và Truyền thông; Chủ tịch Ủy ban nhân dân các huyện,"
        " thành phố và các tổ chức, cá nhân có liên quan",
        [
            one("Chánh Văn phòng UBND tỉnh", "Văn phòng Ủy ban nhân dân tỉnh"),
            one("Lao động - Thương binh và Xã hội", "Sở Lao động - Thương binh và Xã hội"),
            one("Kế hoạch và Đầu tư", "Sở Kế hoạch và Đầu tư"),
            one("Tài chính", "Sở Tài chính"),
            one("Thông tin và Truyền thông", "Sở Thông tin và Truyền thông"),
            one(
                "Chủ tịch Ủy ban nhân dân các huyện, thành phố",
                "Ủy ban nhân dân các huyện, thành phố",
                G,
            ),
            one("các tổ chức, cá nhân có liên quan", generic=G),
        ],
    ),
    # QĐ 1528/QĐ-UBND ngày 29/4/2021 của UBND tỉnh Bình Định, Điều 3, with its line breaks.
    (
        ARTICLE_3,
        "Chánh Văn phòng UBND tỉnh; Giám đốc các Sở: Lao động\n- Thương binh và Xã hội, Nội vụ,"
        " Tài chính, Kế hoạch và Đầu tư, Y tế, Giáo dục\nvà Đào tạo, Tư pháp, Thông tin và"
        " Truyền thông; Chủ tịch UBND các huyện, thị\nxã, thành phố và Thủ trưởng các cơ quan"
        " liên quan",
        [
            one("Chánh Văn phòng UBND tỉnh", "Văn phòng Ủy ban nhân dân tỉnh"),
            one("Lao động\n- Thương binh và Xã hội", "Sở Lao động - Thương binh và Xã hội"),
            one("Nội vụ", "Sở Nội vụ"),
            one("Tài chính", "Sở Tài chính"),
            one("Kế hoạch và Đầu tư", "Sở Kế hoạch và Đầu tư"),
            one("Y tế", "Sở Y tế"),
            one("Giáo dục\nvà Đào tạo", "Sở Giáo dục và Đào tạo"),
            one("Tư pháp", "Sở Tư pháp"),
            one("Thông tin và Truyền thông", "Sở Thông tin và Truyền thông"),
            one(
                "Chủ tịch UBND các huyện, thị\nxã, thành phố",
                "Ủy ban nhân dân các huyện, thị xã, thành phố",
                G,
            ),
            one("Thủ trưởng các cơ quan liên quan", "các cơ quan liên quan", G),
        ],
    ),
    # QĐ 36/2013/QĐ-UBND của UBND tỉnh Tây Ninh, Điều 3: a title before each agency.
    (
        ARTICLE_3,
        "Chánh Văn phòng UBND tỉnh, Giám đốc Sở Lao động - Thương binh và Xã hội, Giám đốc Sở"
        " Kế hoạch và Đầu tư, Giám đốc Sở Tài chính, Thủ trưởng các Sở, ban, ngành cấp tỉnh,"
        " Chủ tịch UBND huyện, thị xã",
        [
            one("Chánh Văn phòng UBND tỉnh", "Văn phòng Ủy ban nhân dân tỉnh"),
            one(
                "Giám đốc Sở Lao động - Thương binh và Xã hội",
                "Sở Lao động - Thương binh và Xã hội",
            ),
            one("Giám đốc Sở Kế hoạch và Đầu tư", "Sở Kế hoạch và Đầu tư"),
            one("Giám đốc Sở Tài chính", "Sở Tài chính"),
            one("Thủ trưởng các Sở, ban, ngành cấp tỉnh", "các Sở, ban, ngành cấp tỉnh", G),
            one("Chủ tịch UBND huyện, thị xã", "Ủy ban nhân dân huyện, thị xã", G),
        ],
    ),
    # QĐ 01/2012/QĐ-UBND của UBND tỉnh Lạng Sơn, Điều 3 ("văn phòng" in lower case).
    (
        ARTICLE_3,
        "Chánh văn phòng Ủy ban nhân dân tỉnh, Thủ trưởng các Sở, ngành, Chủ tịch Ủy ban nhân"
        " dân các huyện, thành phố và các tổ chức, cá nhân có liên quan",
        [
            one("Chánh văn phòng Ủy ban nhân dân tỉnh", "Văn phòng Ủy ban nhân dân tỉnh"),
            one("Thủ trưởng các Sở, ngành", "các Sở, ngành", G),
            one(
                "Chủ tịch Ủy ban nhân dân các huyện, thành phố",
                "Ủy ban nhân dân các huyện, thành phố",
                G,
            ),
            one("các tổ chức, cá nhân có liên quan", generic=G),
        ],
    ),
    # QĐ 1121/QĐ-UBND ngày 09/6/2022 của UBND tỉnh Vĩnh Long, Điều 3, with its line breaks.
    (
        ARTICLE_3,
        "Chánh Văn phòng UBND tỉnh; Giám đốc Sở Nông nghiệp và\nPhát triển nông thôn; Thủ"
        " trưởng các sở, ngành tỉnh; Chủ tịch UBND các huyện,\nthị xã, thành phố và các cơ"
        " quan, đơn vị có liên quan",
        [
            one("Chánh Văn phòng UBND tỉnh", "Văn phòng Ủy ban nhân dân tỉnh"),
            one(
                "Giám đốc Sở Nông nghiệp và\nPhát triển nông thôn",
                "Sở Nông nghiệp và Phát triển nông thôn",
            ),
            one("Thủ trưởng các sở, ngành tỉnh", "các sở, ngành tỉnh", G),
            one(
                "Chủ tịch UBND các huyện,\nthị xã, thành phố",
                "Ủy ban nhân dân các huyện, thị xã, thành phố",
                G,
            ),
            one("các cơ quan, đơn vị có liên quan", generic=G),
        ],
    ),
    # NQ 07/2016/NQ-HĐND của HĐND tỉnh Bình Phước, Điều 2.
    (
        ARTICLE_3,
        "Thường trực Hội đồng nhân dân tỉnh, các Ban của Hội đồng nhân dân tỉnh và các đại biểu"
        " Hội đồng nhân dân tỉnh",
        [
            one("Thường trực Hội đồng nhân dân tỉnh"),
            one("các Ban của Hội đồng nhân dân tỉnh", generic=G),
            one("các đại biểu Hội đồng nhân dân tỉnh", generic=G),
        ],
    ),
    (
        BODY,
        "Ban Kinh tế - Ngân sách Hội đồng nhân dân tỉnh",
        [one("Ban Kinh tế - Ngân sách Hội đồng nhân dân tỉnh")],
    ),
    # Thông báo lấy ý kiến kế hoạch sử dụng đất năm 2025 của UBND huyện Ninh Sơn.
    (
        BODY,
        "Các Sở, ban, ngành cấp tỉnh, Bộ Chỉ huy Quân sự tỉnh, Công an tỉnh; các Phòng, ban,"
        " ngành trên địa bàn huyện, Ủy ban Mặt trận Tổ quốc Việt Nam huyện, UBND các xã, thị"
        " trấn và các tổ chức, cộng đồng dân cư, cá nhân trên địa bàn huyện",
        [
            one("Các Sở, ban, ngành cấp tỉnh", generic=G),
            one("Bộ Chỉ huy Quân sự tỉnh"),
            one("Công an tỉnh"),
            one("các Phòng, ban, ngành trên địa bàn huyện", generic=G),
            one("Ủy ban Mặt trận Tổ quốc Việt Nam huyện"),
            one("UBND các xã, thị trấn", "Ủy ban nhân dân các xã, thị trấn", G),
            one("các tổ chức, cộng đồng dân cư, cá nhân trên địa bàn huyện", generic=G),
        ],
    ),
    # Công văn 573/HĐPH-PBGDPL năm 2024, "Kính gửi", one body a line.
    (
        RECIPIENTS,
        "- Các bộ, cơ quan ngang bộ,\ncơ quan thuộc Chính phủ;\n- Tòa án nhân dân tối cao;\n"
        "- Viện kiểm sát nhân dân tối cao;\n- Kiểm toán Nhà nước;\n- Ủy ban Trung ương Mặt trận"
        " Tổ quốc Việt Nam;\n- Cơ quan trung ương của các tổ chức chính trị - xã hội;\n- Hội"
        " Luật gia Việt Nam;\n- Liên đoàn Luật sư Việt Nam;\n- Ủy ban nhân dân các tỉnh, thành"
        " phố trực thuộc trung ương.",
        [
            one(
                "Các bộ, cơ quan ngang bộ,\ncơ quan thuộc Chính phủ",
                "Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ",
                G,
            ),
            one("Tòa án nhân dân tối cao"),
            one("Viện kiểm sát nhân dân tối cao"),
            one("Kiểm toán Nhà nước"),
            one("Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam"),
            one("Cơ quan trung ương của các tổ chức chính trị - xã hội", generic=G),
            one("Hội Luật gia Việt Nam"),
            one("Liên đoàn Luật sư Việt Nam"),
            one("Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương", generic=G),
        ],
    ),
    # QĐ 36/2013/QĐ-UBND của UBND tỉnh Tây Ninh, "Nơi nhận".
    (
        RECIPIENTS,
        "- Văn phòng Chính phủ;\n- Bộ Lao động-Thương binh và Xã hội;\n- Cục Kiểm tra văn bản;\n"
        "- Đoàn đại biểu Quốc hội tỉnh;",
        [
            one("Văn phòng Chính phủ"),
            one("Bộ Lao động-Thương binh và Xã hội", "Bộ Lao động - Thương binh và Xã hội"),
            one("Cục Kiểm tra văn bản"),
            one("Đoàn đại biểu Quốc hội tỉnh"),
        ],
    ),
    (
        RECIPIENTS,
        "- UBMTTQVN và các đoàn thể tỉnh;\n- Sở Tư pháp;\n- Trung tâm Công báo tỉnh;",
        [
            one("UBMTTQVN", "Ủy ban Mặt trận Tổ quốc Việt Nam"),
            one("các đoàn thể tỉnh", generic=G),
            one("Sở Tư pháp"),
            one("Trung tâm Công báo tỉnh"),
        ],
    ),
    # Báo Khánh Hòa, 14/10/2021: the recipients of a letter of UBND tỉnh Khánh Hòa.
    (
        NEWS,
        "Sở Tài nguyên và Môi trường, UBND các huyện, thị xã, thành phố",
        [
            one("Sở Tài nguyên và Môi trường"),
            one(
                "UBND các huyện, thị xã, thành phố",
                "Ủy ban nhân dân các huyện, thị xã, thành phố",
                G,
            ),
        ],
    ),
    # Báo Đắk Nông, 05/7/2018, on Kế hoạch 342/KH-UBND: a dash for "và".
    (
        NEWS,
        "Sở Tài nguyên-Môi trường",
        [one("Sở Tài nguyên-Môi trường", "Sở Tài nguyên và Môi trường")],
    ),
    (
        NEWS,
        "UBND các huyện, thị xã",
        [one("UBND các huyện, thị xã", "Ủy ban nhân dân các huyện, thị xã", G)],
    ),
    # Cổng thông tin huyện Thuận Bắc, 15/9/2021.
    (
        NEWS,
        "Phòng Tài nguyên – Môi trường",
        [one("Phòng Tài nguyên – Môi trường", "Phòng Tài nguyên và Môi trường")],
    ),
    # Hiệp hội doanh nghiệp Tuyên Quang, 27/11/2018.
    (
        NEWS,
        "Sở Tài nguyên & Môi trường",
        [one("Sở Tài nguyên & Môi trường", "Sở Tài nguyên và Môi trường")],
    ),
    # Kế hoạch 2516/KH-UBND ngày 03/10/2014 của UBND tỉnh Kon Tum: a comma for the dash.
    (
        BODY,
        "Bộ Lao động, Thương binh và Xã hội",
        [one("Bộ Lao động, Thương binh và Xã hội", "Bộ Lao động - Thương binh và Xã hội")],
    ),
    # QĐ 08/2008/QĐ-UBND của UBND tỉnh Lào Cai: a joint circular of two ministries.
    (
        BODY,
        "liên Bộ Lao động - Thương binh và xã hội - Bộ Tài chính",
        [
            one("Lao động - Thương binh và xã hội", "Bộ Lao động - Thương binh và Xã hội"),
            one("Bộ Tài chính"),
        ],
    ),
    (
        BODY,
        "Sở Lao động – Thương binh và Xã hội",
        [one("Sở Lao động – Thương binh và Xã hội", "Sở Lao động - Thương binh và Xã hội")],
    ),
    # Báo Dân Việt: three ministries behind one "liên Bộ", one of them abbreviated.
    (
        NEWS,
        "liên Bộ Xây dựng, NNPTNT, Tài nguyên và Môi trường",
        [
            one("Xây dựng", "Bộ Xây dựng"),
            one("NNPTNT", "Bộ Nông nghiệp và Phát triển nông thôn"),
            one("Tài nguyên và Môi trường", "Bộ Tài nguyên và Môi trường"),
        ],
    ),
    # Sở NN&PTNT Hà Nam, kế hoạch năm 2014.
    (
        BODY,
        "Bộ Nông nghiệp & PTNT - Tổng cục Thủy Lợi",
        [
            one("Bộ Nông nghiệp & PTNT", "Bộ Nông nghiệp và Phát triển nông thôn"),
            one("Tổng cục Thủy Lợi"),
        ],
    ),
    # Kế hoạch 258/KH-UBND ngày 07/6/2021 của UBND tỉnh Lào Cai.
    (
        BODY,
        "Bộ Nông nghiệp và PTNT",
        [one("Bộ Nông nghiệp và PTNT", "Bộ Nông nghiệp và Phát triển nông thôn")],
    ),
    # QĐ 933/QĐ-UBND ngày 25/4/2011 của UBND tỉnh Quảng Bình, with its line breaks.
    (
        BODY,
        "Bộ Nông\nnghiệp và PTNT",
        [one("Bộ Nông\nnghiệp và PTNT", "Bộ Nông nghiệp và Phát triển nông thôn")],
    ),
    (BODY, "Sở Kế hoạch\nvà Đầu tư", [one("Sở Kế hoạch\nvà Đầu tư", "Sở Kế hoạch và Đầu tư")]),
    # Cổng thông tin huyện Tứ Kỳ (Hải Dương).
    (
        NEWS,
        "Văn phòng HĐND&UBND huyện",
        [one("Văn phòng HĐND&UBND huyện", "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện")],
    ),
    (
        NEWS,
        "UBND các xã, thị trấn",
        [one("UBND các xã, thị trấn", "Ủy ban nhân dân các xã, thị trấn", G)],
    ),
    # Cổng thông tin huyện Giang Thành (Kiên Giang), 03/8/2017: "phòng" in lower case.
    (
        NEWS,
        "Văn phòng HĐND-UBND huyện và phòng Tài nguyên và môi trường",
        [
            one(
                "Văn phòng HĐND-UBND huyện", "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện"
            ),
            one("phòng Tài nguyên và môi trường", "Phòng Tài nguyên và Môi trường"),
        ],
    ),
    (NEWS, "Phòng Kinh tế- Hạ tầng", [one("Phòng Kinh tế- Hạ tầng", "Phòng Kinh tế - Hạ tầng")]),
    (NEWS, "BQL các dự án ĐT-XD", [one("BQL các dự án ĐT-XD", "Ban Quản lý các dự án ĐT-XD")]),
    # Báo Thanh Hóa (vietnamtourism.vn), 04/02/2021.
    (NEWS, "Hội Văn học - Nghệ thuật Thanh Hóa", [one("Hội Văn học - Nghệ thuật Thanh Hóa")]),
    (
        NEWS,
        "các Sở Tài chính và các sở, ban, ngành, đơn vị liên quan",
        [one("Tài chính", "Sở Tài chính"), one("các sở, ban, ngành, đơn vị liên quan", generic=G)],
    ),
    # Công văn 6202/UBND-KT ngày 23/11/2023 của UBND tỉnh Quảng Trị.
    (
        BODY,
        "các đơn vị, địa phương liên quan",
        [one("các đơn vị, địa phương liên quan", generic=G)],
    ),
    # Kế hoạch 1576/KH-UBND năm 2019 của UBND Thành phố Hồ Chí Minh, with its line break.
    (
        BODY,
        "Sở, ban, ngành, Ủy ban nhân dân quận-huyện, xã,\nphường, thị trấn",
        [
            one("Sở, ban, ngành", generic=G),
            one(
                "Ủy ban nhân dân quận-huyện, xã,\nphường, thị trấn",
                "Ủy ban nhân dân quận-huyện, xã, phường, thị trấn",
                G,
            ),
        ],
    ),
    # Trang văn bản tỉnh Hà Giang (vbpl.vn), "Thông tin áp dụng".
    (
        BODY,
        "Các Sở, ban, ngành thuộc Ủy ban nhân dân tỉnh và các đơn vị trực thuộc Sở, ban, ngành;"
        " các cơ quan nhà nước, đơn vị sự nghiệp công lập, đơn vị có sử dụng ngân sách nhà nước.",
        [
            one("Các Sở, ban, ngành thuộc Ủy ban nhân dân tỉnh", generic=G),
            one("các đơn vị trực thuộc Sở, ban, ngành", generic=G),
            one(
                "các cơ quan nhà nước, đơn vị sự nghiệp công lập, đơn vị có sử dụng ngân sách"
                " nhà nước",
                generic=G,
            ),
        ],
    ),
    # Sở TT&TT Lào Cai: the press of the province, then a generic rest.
    (
        NEWS,
        "Báo Lào Cai, Đài Phát thanh – Truyền hình Lào Cai, Tạp chí Phansipăng; Cổng thông tin"
        " điện tử tỉnh Lào Cai và các cổng thành viên",
        [
            one("Báo Lào Cai"),
            one("Đài Phát thanh – Truyền hình Lào Cai", "Đài Phát thanh - Truyền hình Lào Cai"),
            one("Tạp chí Phansipăng"),
            one("Cổng thông tin điện tử tỉnh Lào Cai"),
            one("các cổng thành viên", generic=G),
        ],
    ),
    # A page of the 2015 land-use report (old tone placement "Uỷ").
    (
        NEWS,
        "Uỷ ban nhân dân thành phố và các huyện",
        [
            one("Uỷ ban nhân dân thành phố", "Ủy ban nhân dân thành phố"),
            one("các huyện", generic=G),
        ],
    ),
    # Văn phòng UBND tỉnh Ninh Bình, 2025: a note in parentheses.
    (
        NEWS,
        "UBND các xã, phường (mới)",
        [one("UBND các xã, phường (mới)", "Ủy ban nhân dân các xã, phường", G)],
    ),
    # QĐ 3552/QĐ-UBND năm 2014 của Chủ tịch UBND tỉnh Thanh Hóa.
    (BODY, "Bộ Văn hóa, Thể thao và Du lịch", [one("Bộ Văn hóa, Thể thao và Du lịch")]),
    # The plan this site was built for (Ủy ban nhân dân thành phố Trà Vinh).
    (
        BODY,
        "Các phòng ban, ngành thành phố Trà Vinh, Ủy ban nhân dân phường, xã",
        [
            one("Các phòng ban, ngành thành phố Trà Vinh", generic=G),
            one("Ủy ban nhân dân phường, xã", generic=G),
        ],
    ),
]


@pytest.mark.parametrize(("kind", "cell", "expected"), AGENCY_CASES, ids=ids(AGENCY_CASES))
def test_a_cell_names_its_agencies(
    kind: str, cell: str, expected: list[tuple[str, str, bool]]
) -> None:
    found = [(piece.words, piece.name, piece.generic) for piece in split_agencies(cell)]
    assert found == expected, kind


@pytest.mark.parametrize(("kind", "cell", "expected"), AGENCY_CASES, ids=ids(AGENCY_CASES))
def test_each_agency_keeps_the_cells_own_words(kind: str, cell: str, expected: object) -> None:
    for piece in split_agencies(cell):
        assert piece.words and piece.words in cell, kind


@pytest.mark.parametrize(
    ("words", "name"),
    [
        ("Sở LĐ-TB&XH", "Sở Lao động - Thương binh và Xã hội"),
        ("Sở LĐTBXH", "Sở Lao động - Thương binh và Xã hội"),
        ("Sở KH&ĐT", "Sở Kế hoạch và Đầu tư"),
        ("Sở TN&MT", "Sở Tài nguyên và Môi trường"),
        ("Phòng TNMT", "Phòng Tài nguyên và Môi trường"),
        ("Sở VHTT&DL", "Sở Văn hóa, Thể thao và Du lịch"),
        ("Sở VH,TT&DL", "Sở Văn hóa, Thể thao và Du lịch"),
        ("Sở KH&CN", "Sở Khoa học và Công nghệ"),
        ("Sở KHCN", "Sở Khoa học và Công nghệ"),
        ("Sở GD&ĐT", "Sở Giáo dục và Đào tạo"),
        ("Phòng GDĐT", "Phòng Giáo dục và Đào tạo"),
        ("Sở TT&TT", "Sở Thông tin và Truyền thông"),
        ("Sở TTTT", "Sở Thông tin và Truyền thông"),
        ("Sở NN&PTNT", "Sở Nông nghiệp và Phát triển nông thôn"),
        ("Sở NN&MT", "Sở Nông nghiệp và Môi trường"),
        ("Sở GTVT", "Sở Giao thông vận tải"),
        ("Ban QLDA đầu tư xây dựng huyện", "Ban Quản lý dự án đầu tư xây dựng huyện"),
        ("UBMTTQ Việt Nam tỉnh", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"),
        ("HĐND tỉnh", "Hội đồng nhân dân tỉnh"),
        ("Ban Chỉ đạo TW", "Ban Chỉ đạo Trung ương"),
        ("UBND TP. Hồ Chí Minh", "Ủy ban nhân dân thành phố Hồ Chí Minh"),
        ("Sở Văn hoá, Thể thao và Du lịch", "Sở Văn hóa, Thể thao và Du lịch"),
    ],
)
def test_a_full_name_spells_out_abbreviations(words: str, name: str) -> None:
    assert full_name(words) == name
    assert split_agencies(words) == [Named(words, name)]


@pytest.mark.parametrize(
    ("words", "name"),
    [
        ("Tổng cục Thuỷ lợi", "Tổng cục Thủy lợi"),
        ("Trung tâm Chăm sóc sức khoẻ sinh sản", "Trung tâm Chăm sóc sức khỏe sinh sản"),
        ("UBND quận Hoàn Kiếm", "Ủy ban nhân dân quận Hoàn Kiếm"),
        ("Phòng Tư pháp huyện Quỳ Hợp", "Phòng Tư pháp huyện Quỳ Hợp"),
    ],
)
def test_tone_marks_sit_where_official_names_put_them(words: str, name: str) -> None:
    # Only "oà, oè, uỳ" at a word's end move ("hoà" → "hòa"); "hoàn" and "quỳ" do not.
    assert full_name(words) == name


def test_the_words_are_the_cells_words_in_nfc() -> None:
    cell = unicodedata.normalize("NFD", "Sở Văn hóa, Thể thao và Du lịch; UBND tỉnh")
    pieces = split_agencies(cell)
    assert [p.words for p in pieces] == ["Sở Văn hóa, Thể thao và Du lịch", "UBND tỉnh"]
    assert all(p.words in unicodedata.normalize("NFC", cell) for p in pieces)


def test_an_empty_cell_names_no_one() -> None:
    assert split_agencies("") == []
    assert split_agencies(" \n- ;") == []


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("UBND TP Cần Thơ", "Ủy ban nhân dân thành phố Cần Thơ", True),
        ("UBND thành phố Cần Thơ", "Ủy ban nhân dân thành phố Cần Thơ", True),
        ("Uỷ ban nhân dân tỉnh", "Ủy ban nhân dân tỉnh", True),
        ("UỶ BAN NHÂN DÂN TỈNH LÀO CAI", "Ủy ban nhân dân tỉnh Lào Cai", True),
        ("Sở TN&MT", "Sở Tài nguyên và Môi trường", True),
        ("Sở Văn hoá, Thể thao và Du lịch", "Sở  Văn hóa,\nThể thao và Du lịch", True),
        ("Sở Tài chính", "Sở Tài nguyên và Môi trường", False),
        ("Phòng Văn hóa và Thông tin", "Sở Văn hóa, Thể thao và Du lịch", False),
        ("Ủy ban nhân dân tỉnh", "Hội đồng nhân dân tỉnh", False),
    ],
)
def test_same_agency_compares_full_names(a: str, b: str, same: bool) -> None:
    assert same_agency(a, b) is same
    assert (agency_id(a) == agency_id(b)) is same


def test_an_agency_id_is_the_full_names_slug() -> None:
    assert agency_id("UBND TP Cần Thơ") == "uy-ban-nhan-dan-thanh-pho-can-tho"
    assert agency_id("Sở LĐ-TB&XH") == "so-lao-dong-thuong-binh-va-xa-hoi"
