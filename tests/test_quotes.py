"""Quotes beyond the golden snippets: the seeds end to end, the rule table, and speaker phrases."""

from __future__ import annotations

import json

import opencc
import pytest

from conftest import GOLD
from extractors import rules
from extractors.quote_speakers import SpeakerName, split_speaker
from warehouse.evaluate import KindScore, score_document

# Every term, name, slogan and title the seeds put in quotation marks without anyone saying it.
SEED_SCARE_TERMS = {
    "000_e0702ca351b86fe8.txt": [
        "元宇宙", "大模型", "WAIC元宇宙", "元宇宙降温", "光年之外", "大厂主导", "威胁", "崛起", "希壤", "杀死",
        "灵魂拷问", "琼宇2.0", "试金石", "贴", "追赶", "退潮", "零一万物",
    ],
    "001_e64e54e7b248ea74.txt": [
        "AI四巨头", "不确定", "不确定性", "原始AGI", "发布月", "大炼模型", "妙鸭相机", "子曰", "清华系", "百模大战",
        "种子", "问道", "非零和博弈",
    ],
    "002_d45ed1e361b71519.txt": ["一夜变天", "头部玩家", "引爆点", "百模大战", "钱"],
    "003_75b6dd1dc30d3567.txt": [
        "从零学习", "决策不易解释", "围猎", "攻坚战", "文心一言", "王座", "瘦身", "真正从头开始", "芝麻开门",
        "训练数据的偏差", "输入的预测不易校准",
    ],
    "004_e0c9ccd31d772cd3.txt": [
        "不作诗只做事", "吞金兽", "大模型见真章", "幻觉", "打假", "标杆", "流量", "流量见顶", "神化", "空中楼阁",
        "落地", "负面缠身", "顶流",
    ],
}


def test_seed_scare_quotes_are_not_quotes(seed_facts):
    for name, terms in SEED_SCARE_TERMS.items():
        direct = {q.quote.strip() for q in seed_facts[name].quotes if q.direct}
        assert not direct & set(terms), f"{name}: scare-quoted terms extracted as quotes: {direct & set(terms)}"


def test_seed_gold_quotes(seed_facts):
    gold = json.loads(GOLD.read_text(encoding="utf-8"))["documents"]
    score = KindScore()
    for name, facts in seed_facts.items():
        score_document("quotes", [q.to_row() for q in facts.quotes], gold[name]["quotes"], name, score)
    assert score.f1 >= 0.95, f"F1 {score.f1:.3f}; misses {score.misses}; extras {score.extras}"


def test_traditional_cues_sit_beside_their_simplified_forms():
    t2s = opencc.OpenCC("t2s")
    table = rules.load("quotes")["cues"]
    for entry in (table, table["reported"]):
        simplified = set(entry["hans"])
        missing = [w for w in entry["hant"] if t2s.convert(w) not in simplified]
        assert not missing, f"hant forms without their hans form: {missing}"


# (phrase before a cue, expected (name, title, kind)); None: no speaker.
SPEAKERS = {
    "seeds": [
        ("小冰CEO李笛", ("李笛", "小冰CEO", "person")),
        ("联想集团副总裁、联想创投合伙人王光熙", ("王光熙", "联想集团副总裁、联想创投合伙人", "person")),
        ("而张亚勤也", ("张亚勤", None, "person")),
        ("它让马斯克", ("马斯克", None, "person")),
        ("AI创业者“web3天空之城城主”", ("web3天空之城城主", "AI创业者", "person")),
        ("一位投资人", ("一位投资人", None, "role")),
        ("他", ("他", None, "pronoun")),
        ("我们", None),
    ],
    "corpus": [
        ("班尼斯特", ("班尼斯特", None, "person")),
        ("古特雷斯", ("古特雷斯", None, "person")),
        ("伍德沃德", ("伍德沃德", None, "person")),
        ("总统拜登", ("拜登", "总统", "person")),
        ("匈牙利总理欧尔班·维克托", ("欧尔班·维克托", "匈牙利总理", "person")),
        ("主管科斯塔斯·贝卡", ("科斯塔斯·贝卡", "主管", "person")),
        ("OpenAI创始人兼CEO Sam Altman", ("Sam Altman", "OpenAI创始人兼CEO", "person")),
        ("Wells Fargo的Erik Nelson", ("Erik Nelson", "Wells Fargo", "person")),
        ("欧洲央行副行长Luis de Guindos本月", ("Luis de Guindos", "欧洲央行副行长", "person")),
        ("国盛证券", ("国盛证券", None, "role")),
        ("碧桂园", ("碧桂园", None, "role")),
        ("中科富海", ("中科富海", None, "role")),
        ("美国国际开发署(USAID)", ("美国国际开发署", None, "role")),
        ("雅居乐集团发布公告", ("雅居乐集团", None, "role")),
        ("马斯克当时在推特上", ("马斯克", None, "person")),
        ("林金富还主动替美方", ("林金富", None, "person")),
        ("家长郭女士", ("郭女士", "家长", "person")),
        ("军委国防动员部某业务局分管领导", ("军委国防动员部某业务局分管领导", None, "role")),
        ("联发科董事长蔡明介曾在公益活动中", ("蔡明介", "联发科董事长", "person")),
        ("公告", ("公告", None, "document")),
        ("报告中", ("报告中", None, "document")),
        ("并", ("", None, "elided")),
        ("只能尴尬地", ("", None, "elided")),
        ("据", None),
        ("从技术层面来", None),
    ],
}


@pytest.mark.parametrize(
    "phrase, expected", [pytest.param(p, e, id=f"{source}:{p}") for source, rows in SPEAKERS.items() for p, e in rows]
)
def test_split_speaker(phrase: str, expected: tuple[str, str | None, str] | None):
    assert split_speaker(phrase) == (SpeakerName(*expected) if expected else None)
