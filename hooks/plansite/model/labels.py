"""The words a reader sees for the closed sets of organisation and document data."""

from __future__ import annotations

LEVEL_NAMES = {
    "tinh": "Cấp tỉnh",
    "thanh-pho": "Cấp thành phố",
    "phuong-xa": "Cấp phường, xã",
    "nhieu-cap": "Nhiều cấp (tên gọi chung)",
    "phong-ban": "Phòng, ban",
    "trung-uong": "Trung ương",
}
NOT_SET = "Chưa xác định"
KIND_NAMES = {"dang": "Đảng", "chinh-quyen": "Chính quyền", "doan-the": "Đoàn thể"}
RELATION_NAMES = {
    "can-cu": "Căn cứ",
    "thuc-hien": "Thực hiện",
    "trien-khai": "Triển khai",
    "ban-hanh": "Ban hành kèm theo",
}

GLOSSARY_BASIS = {
    "van-ban": "Theo lời văn kế hoạch",
    "giai-thich": "Giải thích của trang này, suy ra từ lời văn (không phải lời văn kế hoạch)",
    "nguon-ngoai": "Theo văn bản khác",
}
