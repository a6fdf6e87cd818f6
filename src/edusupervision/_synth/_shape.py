"""The shape of a synthetic jurisdiction: how many divisions of each level, and what they are called."""

from __future__ import annotations

from typing import Final, Literal

import attrs

__all__ = ["PROVINCES", "SCALES", "Scale", "Shape", "shape_for"]

Scale = Literal["national", "province", "county"]
SCALES: Final[tuple[Scale, ...]] = ("national", "province", "county")

#: The 31 provincial-level divisions of the mainland: (GB/T 2260 two-digit code, name, division kind).
PROVINCES: Final[tuple[tuple[str, str, str], ...]] = (
    ("11", "北京市", "municipality"),
    ("12", "天津市", "municipality"),
    ("13", "河北省", "province"),
    ("14", "山西省", "province"),
    ("15", "内蒙古自治区", "autonomous_region"),
    ("21", "辽宁省", "province"),
    ("22", "吉林省", "province"),
    ("23", "黑龙江省", "province"),
    ("31", "上海市", "municipality"),
    ("32", "江苏省", "province"),
    ("33", "浙江省", "province"),
    ("34", "安徽省", "province"),
    ("35", "福建省", "province"),
    ("36", "江西省", "province"),
    ("37", "山东省", "province"),
    ("41", "河南省", "province"),
    ("42", "湖北省", "province"),
    ("43", "湖南省", "province"),
    ("44", "广东省", "province"),
    ("45", "广西壮族自治区", "autonomous_region"),
    ("46", "海南省", "province"),
    ("50", "重庆市", "municipality"),
    ("51", "四川省", "province"),
    ("52", "贵州省", "province"),
    ("53", "云南省", "province"),
    ("54", "西藏自治区", "autonomous_region"),
    ("61", "陕西省", "province"),
    ("62", "甘肃省", "province"),
    ("63", "青海省", "province"),
    ("64", "宁夏回族自治区", "autonomous_region"),
    ("65", "新疆维吾尔自治区", "autonomous_region"),
)

#: National totals the ``national`` scale reproduces.
NATIONAL_SCHOOLS: Final = 500_000
NATIONAL_COUNTIES: Final = 2_844
NATIONAL_PREFECTURES: Final = 333
#: Schools per county-level division on average (500,000 / 2,844).
SCHOOLS_PER_COUNTY: Final = NATIONAL_SCHOOLS / NATIONAL_COUNTIES


@attrs.frozen(kw_only=True)
class Shape:
    """How big the generated jurisdiction is and which division is its root."""

    root: Scale
    provinces: int
    prefectures: int
    counties: int
    schools: int


def shape_for(scale: Scale | None = None, schools: int | None = None) -> Shape:
    """Return the shape for a named scale, or for a number of schools (the root level follows from it).

    Up to one county's worth of schools (about 350) gives a county; up to a large province's (40,000) a
    province; more gives the country, its 31 provinces and proportionally many prefectures and counties.
    """
    if schools is None:
        schools = {"national": NATIONAL_SCHOOLS, "province": 16_000, "county": 180}[scale or "county"]
    if schools < 1:
        msg = f"schools must be positive, got {schools}"
        raise ValueError(msg)
    if scale is None:
        scale = "county" if schools <= 350 else "province" if schools <= 40_000 else "national"
    if scale == "county":
        return Shape(root="county", provinces=1, prefectures=1, counties=1, schools=schools)
    counties = max(1, round(schools / SCHOOLS_PER_COUNTY))
    if scale == "province":
        return Shape(
            root="province",
            provinces=1,
            prefectures=max(1, round(counties / 8.5)),
            counties=counties,
            schools=schools,
        )
    counties = max(counties, 31 * 2)
    prefectures = max(27, round(NATIONAL_PREFECTURES * counties / NATIONAL_COUNTIES))
    return Shape(root="national", provinces=31, prefectures=prefectures, counties=counties, schools=schools)
