"""The user guide, in Vietnamese and English, is linked from the README and every
picture it shows is in the repository."""

import os
import re

import pytest
from conftest import ROOT

GUIDES = ["docs/huong-dan.md", "docs/guide.md"]
IMAGE = re.compile(r"!\[[^\]]*\]\(([^)]+)\)")


@pytest.mark.parametrize("guide", GUIDES)
def test_guide_pictures_exist(guide):
    with open(os.path.join(ROOT, guide), encoding="utf-8") as fh:
        text = fh.read()
    pictures = IMAGE.findall(text)
    assert len(pictures) >= 15
    for picture in pictures:
        path = os.path.join(ROOT, os.path.dirname(guide), picture)
        assert os.path.isfile(path), f"{guide}: missing {picture}"


def test_readme_links_both_guides():
    with open(os.path.join(ROOT, "README.md"), encoding="utf-8") as fh:
        readme = fh.read()
    for guide in GUIDES:
        assert f"({guide})" in readme


def test_both_guides_show_the_same_pictures():
    found = []
    for guide in GUIDES:
        with open(os.path.join(ROOT, guide), encoding="utf-8") as fh:
            found.append(sorted(IMAGE.findall(fh.read())))
    assert found[0] == found[1]
