"""Write a rendered site to disk as plain Markdown and a mkdocs.yml (the hook-free front end)."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import yaml

from ..project import SiteOutput
from .config import ProjectConfig


def mkdocs_config(config: ProjectConfig, output: SiteOutput) -> dict[str, Any]:
    """The project's MkDocs settings for a build of the written-out tree, without the hook."""
    raw = {k: v for k, v in config.raw.items() if k not in ("hooks", "watch", "nav")}
    raw["docs_dir"] = "docs"
    raw["nav"] = output.nav
    if output.not_in_nav:
        raw["not_in_nav"] = "\n".join(f"/{uri}" for uri in output.not_in_nav)
    if output.site.site_url and not raw.get("site_url"):
        raw["site_url"] = output.site.site_url + "/"
    raw["extra"] = {**(raw.get("extra") or {}), **output.theme_extra}
    theme = dict(raw.get("theme") or {})
    if config.custom_dir:
        theme["custom_dir"] = "overrides"
    raw["theme"] = theme
    return raw


def write_tree(config: ProjectConfig, output: SiteOutput, out: Path) -> int:
    """Write DIR/docs, DIR/overrides and DIR/mkdocs.yml; return how many files were written."""
    docs = out / "docs"
    for folder in (docs, out / "overrides"):
        if folder.exists():
            shutil.rmtree(folder)
    docs.mkdir(parents=True)
    count = 0
    for path in sorted(config.docs_dir.rglob("*")):
        if path.is_file() and path.suffix != ".md":
            target = docs / path.relative_to(config.docs_dir)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)
            count += 1
    pages = {uri: page.markdown for uri, page in output.generated.items()}
    pages.update(output.handwritten)
    for uri, markdown in sorted(pages.items()):
        target = docs / uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(markdown, encoding="utf-8", newline="\n")
        count += 1
    for uri, data in sorted(output.assets.items()):
        target = docs / uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        count += 1
    if config.custom_dir and config.custom_dir.is_dir():
        shutil.copytree(config.custom_dir, out / "overrides")
        count += sum(1 for p in (out / "overrides").rglob("*") if p.is_file())
    settings = yaml.safe_dump(
        mkdocs_config(config, output), allow_unicode=True, sort_keys=False, width=100
    )
    header = "# Tạo bởi scripts/render.py từ plan_data/ và docs/. Sửa nguồn, không sửa tệp này.\n"
    (out / "mkdocs.yml").write_text(header + settings, encoding="utf-8", newline="\n")
    return count + 1
