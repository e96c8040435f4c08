"""Any input either loads or gives errors in the documented format; never a traceback."""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plansite.data.decode import decode
from plansite.data.parse import parse
from plansite.errors import PlanDataError
from plansite.model.site import load_site

from .conftest import FIXTURES

LINE = re.compile(r"^(plan_data|f\.yml)[^\s]*(:\d+:\d+)?  \S.*$")
YAMLISH = st.text(
    alphabet=st.sampled_from(list(":-[]{}#&*!|>'\"%@`,? \t\nabcxyzđươ0123456789")), max_size=80
)


def assert_documented(error: PlanDataError) -> None:
    lines = error.report().splitlines()
    assert re.match(r"^Dữ liệu kế hoạch có \d+ lỗi cần sửa trước khi dựng trang:$", lines[0])
    assert len(lines) > 1
    for line in lines[1:]:
        assert LINE.match(line), line


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_load_or_give_documented_errors(data: bytes) -> None:
    try:
        parse(decode(data, "f.yml"), "f.yml")
    except PlanDataError as error:
        assert_documented(error)


@settings(max_examples=300, deadline=None)
@given(YAMLISH)
def test_any_yaml_text_loads_or_gives_documented_errors(text: str) -> None:
    try:
        parse(decode(text.encode(), "f.yml"), "f.yml")
    except PlanDataError as error:
        assert_documented(error)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_any_edit_to_a_plan_file_builds_or_gives_documented_errors(data: st.DataObject) -> None:
    source = FIXTURES / "other-city" / "plan_data"
    lines = (source / "plans" / "cay-xanh-2024.yml").read_text(encoding="utf-8").splitlines()
    index = data.draw(st.integers(0, len(lines) - 1))
    keep = data.draw(st.integers(0, len(lines[index])))
    lines[index] = lines[index][:keep] + data.draw(YAMLISH)
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "plan_data"
        shutil.copytree(source, target)
        (target / "plans" / "cay-xanh-2024.yml").write_text("\n".join(lines), encoding="utf-8")
        try:
            load_site(target, Path(tmp))
        except PlanDataError as error:
            assert_documented(error)
