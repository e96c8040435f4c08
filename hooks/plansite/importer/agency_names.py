"""What `agencies` knows about how Vietnamese documents name agencies: data only.

Official names that hold a comma, "và" or a dash ("Sở Văn hóa, Thể thao và Du lịch")
are one agency, so they are listed here; so are the abbreviations texts use for them,
the words an agency name starts with, and the phrases that name no one in particular.
Names are as the founding decrees write them, with tone marks placed as in "Ủy", "hóa",
"Thủy". Names from before the 2025 reorganisation stay: the plans that use them stay.
"""

from __future__ import annotations

# The part after "Sở", "Bộ" or "Phòng" of a department's official name: the same field
# names a ministry (Bộ), a provincial department (Sở) and a district office (Phòng).
# Only names with a comma, "và" or a dash need to be here (they would otherwise split);
# single-word fields are listed too, so that a distributive list ("Các Sở: Tài chính,
# Xây dựng") reads them whole.
FIELDS = (
    # Ministries and provincial departments before 2025 (Nghị định 24/2014/NĐ-CP,
    # 107/2020/NĐ-CP).
    "Kế hoạch và Đầu tư",
    "Tài nguyên và Môi trường",
    "Lao động - Thương binh và Xã hội",
    "Nông nghiệp và Phát triển nông thôn",
    "Thông tin và Truyền thông",
    "Khoa học và Công nghệ",
    "Văn hóa, Thể thao và Du lịch",
    "Văn hóa và Thể thao",
    "Giáo dục và Đào tạo",
    "Giao thông vận tải",
    "Quy hoạch - Kiến trúc",
    # From 2025 (Nghị định 45/2025/NĐ-CP and the merged ministries).
    "Nông nghiệp và Môi trường",
    "Dân tộc và Tôn giáo",
    # District offices (Phòng), before and after 2025.
    "Văn hóa và Thông tin",
    "Văn hóa - Thông tin",
    "Văn hóa, Khoa học và Thông tin",
    "Văn hóa - Xã hội",
    "Kinh tế - Hạ tầng",
    "Kinh tế, Hạ tầng và Đô thị",
    "Tài chính - Kế hoạch",
    "Quản lý đô thị",
    # One-word fields: never split, listed for distributive lists.
    "Tài chính",
    "Xây dựng",
    "Nội vụ",
    "Tư pháp",
    "Y tế",
    "Công Thương",
    "Ngoại vụ",
    "Du lịch",
    "Công an",
    "Quốc phòng",
    "Ngoại giao",
    "Kinh tế",
)

# Other spellings of a field name that texts use, with the official one. (Any dash may
# stand for a dash, and "&" or a dash for "và", without being listed.)
SPELLINGS = {
    "Lao động, Thương binh và Xã hội": "Lao động - Thương binh và Xã hội",
}

# The words before a field name, in the cases a text writes them.
FIELD_HEADS = ("Sở", "Bộ", "Phòng")

# Other official names with a comma, "và" or a dash, or with an agency word inside them.
NAMES = (
    "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân",
    "Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân",
    "Ủy ban Mặt trận Tổ quốc Việt Nam",
    "Đài Phát thanh và Truyền hình",
    "Đài Phát thanh - Truyền hình",
    "Trung tâm Văn hóa - Thể thao",
    "Trung tâm Văn hóa, Thông tin và Thể thao",
    "Hội Văn học - Nghệ thuật",
    "Ban Tuyên giáo và Dân vận",
    "Ban Quản lý dự án đầu tư xây dựng",
    "Bộ Chỉ huy Bộ đội Biên phòng",
    "Ban Chỉ huy Phòng, chống thiên tai và Tìm kiếm cứu nạn",
)

# Abbreviations and what they stand for. `words` keep the abbreviation; `name` spells it
# out. Several spellings of one abbreviation are each listed.
ABBREVIATIONS = {
    "UBND": "Ủy ban nhân dân",
    "HĐND": "Hội đồng nhân dân",
    "TP": "thành phố",
    "TP.": "thành phố",
    "TP.HCM": "thành phố Hồ Chí Minh",
    "TPHCM": "thành phố Hồ Chí Minh",
    "Tp.": "thành phố",
    "TW": "Trung ương",
    "ĐBQH": "đại biểu Quốc hội",
    "TƯ": "Trung ương",
    "MTTQ": "Mặt trận Tổ quốc",
    "MTTQVN": "Mặt trận Tổ quốc Việt Nam",
    "UBMTTQ": "Ủy ban Mặt trận Tổ quốc",
    "UBMTTQVN": "Ủy ban Mặt trận Tổ quốc Việt Nam",
    "VP": "Văn phòng",
    "QLDA": "Quản lý dự án",
    "BQL": "Ban Quản lý",
    "BHXH": "Bảo hiểm xã hội",
    "KBNN": "Kho bạc Nhà nước",
    "NHNN": "Ngân hàng Nhà nước",
    "NHCSXH": "Ngân hàng Chính sách xã hội",
    "LĐLĐ": "Liên đoàn Lao động",
    "HLHPN": "Hội Liên hiệp Phụ nữ",
    "PTNT": "Phát triển nông thôn",
    "NN&PTNT": "Nông nghiệp và Phát triển nông thôn",
    "NNPTNT": "Nông nghiệp và Phát triển nông thôn",
    "NN&MT": "Nông nghiệp và Môi trường",
    "KH&ĐT": "Kế hoạch và Đầu tư",
    "KHĐT": "Kế hoạch và Đầu tư",
    "TN&MT": "Tài nguyên và Môi trường",
    "TNMT": "Tài nguyên và Môi trường",
    "TN-MT": "Tài nguyên và Môi trường",
    "LĐ-TB&XH": "Lao động - Thương binh và Xã hội",
    "LĐTB&XH": "Lao động - Thương binh và Xã hội",
    "LĐTBXH": "Lao động - Thương binh và Xã hội",
    "VHTT&DL": "Văn hóa, Thể thao và Du lịch",
    "VH,TT&DL": "Văn hóa, Thể thao và Du lịch",
    "VHTTDL": "Văn hóa, Thể thao và Du lịch",
    "KHCN": "Khoa học và Công nghệ",
    "KH&CN": "Khoa học và Công nghệ",
    "GD&ĐT": "Giáo dục và Đào tạo",
    "GDĐT": "Giáo dục và Đào tạo",
    "TT&TT": "Thông tin và Truyền thông",
    "TTTT": "Thông tin và Truyền thông",
    "GTVT": "Giao thông vận tải",
    "KT-HT": "Kinh tế - Hạ tầng",
    "KTHT": "Kinh tế - Hạ tầng",
    "TC-KH": "Tài chính - Kế hoạch",
    "QLĐT": "Quản lý đô thị",
}

# Words an agency's name starts with. After a comma, "và", a dash or a line break, one of
# these followed by a name ("Sở Y tế", not "Sở, ban, ngành") starts a new agency.
HEADS = (
    "Ủy ban nhân dân",
    "Hội đồng nhân dân",
    "Ủy ban Mặt trận Tổ quốc",
    "Mặt trận Tổ quốc",
    "Ủy ban",
    "Sở",
    "Bộ Chỉ huy",
    "Ban Chỉ huy",
    "Bộ",
    "Phòng",
    "Ban",
    "Văn phòng",
    "Thanh tra",
    "Công an",
    "Đài",
    "Báo",
    "Hội",
    "Liên đoàn",
    "Liên minh",
    "Đoàn",
    "Tỉnh đoàn",
    "Thành đoàn",
    "Huyện đoàn",
    "Tỉnh ủy",
    "Thành ủy",
    "Huyện ủy",
    "Quận ủy",
    "Thị ủy",
    "Đảng ủy",
    "Cục",
    "Chi cục",
    "Tổng cục",
    "Vụ",
    "Viện",
    "Trung tâm",
    "Tòa án",
    "Viện kiểm sát",
    "Kho bạc",
    "Ngân hàng",
    "Bảo hiểm xã hội",
    "Thuế",
    "Cục Thuế",
    "Chi cục Thuế",
    "Kiểm toán",
    "Chính phủ",
    "Quốc hội",
    "Tổng công ty",
    "Công ty",
    "Trường",
    "Bệnh viện",
    "Quỹ",
    "Điện lực",
    "Bưu điện",
    "Hạt Kiểm lâm",
    "Tạp chí",
    "Cổng thông tin",
    # Abbreviated heads ("UBND tỉnh", "BQL dự án"); other abbreviations are not heads.
    "UBND",
    "HĐND",
    "UBMTTQVN",
    "UBMTTQ",
    "MTTQVN",
    "MTTQ",
    "VP",
    "BQL",
    "BHXH",
    "KBNN",
    "NHNN",
    "NHCSXH",
    "LĐLĐ",
    "HLHPN",
)

# Names that are whole without anything after them ("…, Tỉnh đoàn, …").
STANDALONE = (
    "Tỉnh đoàn",
    "Thành đoàn",
    "Huyện đoàn",
    "Tỉnh ủy",
    "Thành ủy",
    "Huyện ủy",
    "Quận ủy",
    "Thị ủy",
    "Chính phủ",
    "Quốc hội",
)

# Words that, right after a head word, show it is a bare kind of body ("phòng ban",
# "Hội, đoàn thể", "Báo và Phát thanh"), not the start of one agency's name. One word each:
# the word after the head is what is compared.
KINDS = ("ban", "ngành", "sở", "phòng", "đoàn", "đơn", "cơ", "địa", "và")

# Titles of the person who heads an agency ("Giám đốc Sở Y tế"): a title starts a new
# piece like a head word does; the piece's full name leaves it out.
TITLES = (
    "Chủ tịch",
    "Phó Chủ tịch",
    "Giám đốc",
    "Phó Giám đốc",
    "Thủ trưởng",
    "Chánh",
    "Trưởng",
    "Bộ trưởng",
    "Cục trưởng",
    "Chi cục trưởng",
    "Chỉ huy trưởng",
    "Viện trưởng",
    "Chánh án",
)

# Heads that, followed by "các" or "cấp" ("UBND các huyện", "Công an cấp xã"), name every
# body of a level, not one.
COLLECTIVE_HEADS = (
    "Ủy ban nhân dân",
    "Hội đồng nhân dân",
    "Ủy ban Mặt trận Tổ quốc Việt Nam",
    "Ủy ban Mặt trận Tổ quốc",
    "Công an",
    "Ban Chỉ huy Quân sự",
)

# Phrases that name no one in particular: kept as words, flagged generic. Besides these,
# any piece that starts with "các" (outside a "Các Sở: …" list) is generic.
GENERIC = (
    "các cơ quan, đơn vị có liên quan",
    "các cơ quan, đơn vị liên quan",
    "các đơn vị liên quan",
    "các cấp, các ngành",
    "các tổ chức chính trị - xã hội",
    "cơ quan, đơn vị liên quan",
    "cơ quan, đơn vị có liên quan",
    "cơ quan liên quan",
    "đơn vị liên quan",
    "đơn vị, địa phương liên quan",
    "đơn vị, địa phương",
    "địa phương",
    "sở, ban, ngành",
    "sở, ngành",
    "bộ, ngành",
    "phòng, ban",
    "đoàn thể",
    "tổ chức chính trị - xã hội",
)

# Levels of local government: "Ủy ban nhân dân" followed only by two or more of these
# ("Ủy ban nhân dân phường, xã") names every committee of those levels, not one.
# "đặc khu": the island commune-level unit of the 2025 two-level local government.
LEVELS = ("tỉnh", "thành phố", "huyện", "quận", "thị xã", "xã", "phường", "thị trấn", "đặc khu")
