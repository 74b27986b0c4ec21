"""Open-world parties, checked against sentences generated from each rule (invented names, so that
no test leans on the articles the rules were tuned on)."""
from __future__ import annotations

import pandas as pd
import pytest
from voices import CUES, GAZETTEER, corpus_of, read

from helpers import parties, tables
from helpers.placenames import non_parties

PEOPLE = ["Alma Quorvith", "Tomas Velkaric", "Ines Obrandt"]


@pytest.mark.parametrize("name", PEOPLE)
@pytest.mark.parametrize("title", ["Treasury Secretary", "Judge", "Zentrix CEO", "Sen.", "Foreign Minister",
                                   "U.S. Department of Ports Secretary"])
def test_a_title_makes_a_person_and_is_not_part_of_the_name(title, name):
    r = read(f"{title} {name} said on Monday that the plan would work.\n")
    person = r.party(name)
    assert person["type"] == "person" and not person["reviewed"]
    assert person.name == "p_" + name.lower().replace(" ", "_")
    assert title.split()[-1].rstrip(".") in person["title"]


@pytest.mark.parametrize("role", ["spokesman", "lawyer", "technical program manager"])
def test_a_lower_case_role_before_a_name_makes_a_person(role):
    r = read(f"The ruling was welcomed by Zentrix {role} Tomas Velkaric on Friday.\n")
    assert r.party("Tomas Velkaric")["type"] == "person"


def test_an_apposition_with_a_title_makes_a_person_and_names_the_affiliation():
    r = read("Ines Obrandt, a professor of trade law at the University of Eastvale, said the rules were new.\n")
    person = r.party("Ines Obrandt")
    assert person["type"] == "person" and person["affiliation"] == "University of Eastvale"
    assert r.party("University of Eastvale")["type"] == "organisation"


def test_an_apposition_before_the_name_makes_a_person():
    r = read("Speaking on television, the head of the Northland Mission to the EU, Tomas Velkaric, said talks "
             "would go on.\n")
    assert r.party("Tomas Velkaric")["type"] == "person"
    assert r.party("Northland Mission to the EU")["type"] == "government body"


def test_forms_of_one_name_merge_and_a_person_is_never_a_place():
    r = read("Treasury Secretary Alma Quorvith met lawmakers. Quorvith said the deal was close. "
             "Later Mr. Quorvith flew to Jordan, and Jordan said it would not comment.\n")
    ids = set(r.world.mentions.loc[r.world.mentions["surface"].isin(["Alma Quorvith", "Quorvith"]), "stakeholder_id"])
    assert ids == {"p_alma_quorvith"}
    # a country, not a person's name: a place where it is one, its government where it speaks ("Jordan said")
    jordan = r.world.mentions[r.world.mentions["surface"] == "Jordan"]
    assert len(jordan) == 1 and r.party("Jordan")["type"] == "government body"


def test_a_product_after_its_makers_possessive_or_listed_after_apps_is_no_party_but_its_maker_is():
    r = read("Users moved to Zentrix's Moj and Quorvia Group's Pulsepay. Norland blocked 59 apps, including Kestrel's "
             "Vidly, Snapcart and Trovio Pay. Brekka Inc's Lumo did not comment. Zentrix's Movo launched on Friday, "
             "and Norland's Tomas Velkaric praised it.\n")
    kept = set(r.world.mentions["surface"])
    assert not {"Moj", "Pulsepay", "Vidly", "Snapcart", "Trovio Pay"} & kept
    assert {"Zentrix", "Quorvia Group", "Kestrel", "Lumo", "Movo", "Tomas Velkaric"} <= kept
    assert r.party("Tomas Velkaric")["type"] == "person"


def test_a_name_with_a_middle_initial_or_opening_the_sentence_with_a_given_name_is_a_person():
    r = read("U.S. District Judge Tomas R. Velkaric ruled on Sunday. Judge Velkaric wrote that it was late. Zentrix "
             "is represented by Alma E. Hall of Quorvia & Brekka LLP. Jack Tierney, a comedy creator, said it was "
             "fine. Mr Tierney said more.\n")
    velkaric = r.party("Tomas R. Velkaric")
    assert velkaric["type"] == "person" and r.party("Velkaric").name == velkaric.name
    assert r.party("Alma E. Hall")["type"] == "person" and r.party("Quorvia & Brekka LLP")["type"] != "person"
    assert r.party("Jack Tierney").name == r.party("Tierney").name


def test_a_chinese_name_in_pinyin_is_a_person_whose_family_name_comes_first():
    # Hanyu Pinyin: one-syllable family name first ("tang" and "wen" are English words too)
    r = read("“The court has only told the White House to follow its procedures,” Tang Wenjie, a fellow at the "
             "Norvik Institute, told the Global Times. Wen Shuyi argues otherwise. Ma Lin, a lawyer in Shanghai, "
             "agreed. “US courts are one of the few places left,” Ma said. Wen said more.\n")
    assert r.party("Tang Wenjie")["type"] == "person"
    assert r.party("Ma").name == r.party("Ma Lin").name and r.party("Wen").name == r.party("Wen Shuyi").name
    assert r.quote("US courts")["speaker_id"] == r.party("Ma Lin").name
    assert r.quote("The court has")["speaker_id"] == r.party("Tang Wenjie").name


def test_plural_titles_mps_legal_forms_regional_demonyms_and_holidays_read_as_written():
    r = read("Last October, Senators Tomas Velkaric and Alma Quorvith wrote to the director. Nationals MP Mara Stiel "
             "called for a ban. The commission fined Zentrix Pte. Ltd. 186 million won. South Koreans and North "
             "American buyers wait for Black Friday and Cyber Monday, then Seollal. Federal judges blocked the ban.\n")
    kept = set(r.world.mentions["surface"])
    assert {"Tomas Velkaric", "Alma Quorvith", "Mara Stiel"} <= kept
    assert r.party("Mara Stiel")["type"] == r.party("Tomas Velkaric")["type"] == "person"
    assert "Zentrix Pte. Ltd." in kept and "Ltd." not in kept
    assert not {"South Koreans", "North American", "Black", "Cyber", "Seollal", "Federal", "Senators"} & kept


def test_a_states_ap_abbreviation_after_a_legislator_is_a_place_even_when_it_is_no_prefix_of_the_name():
    # AP Stylebook, "state names": Fla. (Florida), Miss. (Mississippi), N.C. (North Carolina)
    r = read("A group led by Sen. Tomas Velkaric (Fla.) on Wednesday urged the president. Sens. Alma Quorvith (N.C.) "
             "and Mara Stiel (Miss.) also signed.\n")
    kept = set(r.world.mentions["surface"])
    assert {"Tomas Velkaric", "Alma Quorvith", "Mara Stiel"} <= kept and not {"Fla", "Fla.", "N.C.", "Miss."} & kept


def test_a_country_described_by_a_copula_is_a_place_but_one_that_acts_is_its_government():
    r = read("Zentrix wanted a home outside both blocs. Ireland is the obvious answer, its chief said. Jordan is weighing "
             "a ban, and Norway was the first to act.\n")
    kept = set(r.world.mentions["surface"])
    assert "Ireland" not in kept and "Norway" not in kept  # places, not parties
    assert r.party("Jordan")["type"] == "government body"


@pytest.mark.parametrize(("name", "kind"), [("Zentrix Corp.", "company"), ("Ministry of Ports", "government body"),
                                            ("Valdor Times", "media outlet"), ("Quentin University", "organisation"),
                                            ("Eastvale District Court", "government body")])
def test_organisation_words_give_the_type(name, kind):
    r = read(f"The complaint was filed by the {name} on Tuesday.\n")
    assert r.party(name)["type"] == kind


def test_demonyms_weekdays_months_datelines_and_places_are_not_parties():
    r = read("EASTVALE, Calif. (Wire) — Chinese and American negotiators met on Monday in September in Culver City "
             "and Texas, the Redmond-based firm said.\n")
    assert r.provisional().empty and not (r.world.mentions["surface"].isin(["Chinese", "American", "Monday"])).any()
    kinds = dict(zip(r.world.set_aside["name"], r.world.set_aside["kind"]))
    assert kinds["Chinese"] == kinds["American"] == "demonym" and kinds["Monday"] == kinds["September"] == "calendar"
    assert kinds["Culver City"] == kinds["Texas"] == "place"


def test_a_town_before_its_state_written_out_is_a_place():
    # a town too small for the list of cities, known by the state after it
    r = read("The Eastvale, Arkansas-based retailer and a firm in Harlowe, Montana, confirmed the deal on Thursday.\n")
    assert r.provisional().empty
    kinds = dict(zip(r.world.set_aside["name"], r.world.set_aside["kind"]))
    assert kinds["Eastvale"] == kinds["Harlowe"] == "place"


def test_a_common_word_and_its_lower_case_head_name_a_government_body():
    r = read("A judge blocked Commerce department rules on Friday. Foreign ministry spokeswoman Alma Quorvith objected.\n")
    assert r.party("Commerce department")["type"] == r.party("Foreign ministry")["type"] == "government body"
    assert r.party("Alma Quorvith")["type"] == "person"


def test_a_place_modifier_function_word_or_compound_demonym_is_no_party():
    r = read("Neither the president nor his team has said what it plans. The plan, backed by Shenzhen-based Zentrix "
             "Holdings, angered the Chinese-American community.\n")
    assert sorted(r.provisional()["name"]) == ["Zentrix Holdings"]
    kinds = dict(zip(r.world.set_aside["name"], r.world.set_aside["kind"]))
    assert kinds["Chinese-American"] == "demonym" and kinds["Neither"] == "common"


def test_a_country_that_acts_is_its_government_not_when_it_is_only_a_place_or_an_owner():
    r = read("Pakistan blocked the app on Friday. India's users moved to other apps, and many live in India.\n")
    assert r.party("Pakistan")["type"] == "government body"
    assert "India" not in set(r.world.mentions["surface"])


def test_a_name_and_its_administration_or_a_language_modifier_make_one_party():
    r = read("The Quorvith administration reviewed the plan, the English-language Valdor Daily reported.\n")
    assert r.party("Quorvith administration")["type"] == "government body"
    assert r.party("Valdor Daily")["type"] == "media outlet"


def test_a_title_before_common_words_makes_no_person():
    r = read("Under the bloc's General Data Protection Regulation, fines can reach 4%. General Mark Velkaric agreed.\n")
    assert list(r.provisional()["name"]) == ["Mark Velkaric"] and r.party("Mark Velkaric")["type"] == "person"


def test_the_place_lists_come_from_maintained_packages():
    places = non_parties()
    assert places.is_demonym("Americans") and places.is_demonym("Chinese") and places.is_calendar("Sept.")
    assert places.is_place("Culver City") and not places.is_place("Obama")  # a town of 29,000 shares its name
    assert places.country_of("U.S.") == "United States" and places.capital_of("Washington") == "United States"


def test_a_capital_used_for_its_government_is_a_party():
    r = read("Beijing urged Valdoria to drop the plan, and Valdoria's ministers refused. Ana Mirel lives in Ottawa, "
             "but Ottawa has said nothing.\n")
    assert r.party("Ottawa")["type"] == "government body"  # "Ottawa has said": the government
    assert (r.world.set_aside["name"] == "Ottawa").sum() == 1  # "lives in Ottawa": the city


def test_an_acronym_defined_after_a_name_is_that_party():
    r = read("The Northland Broadcasting Network (NBN) reported the talks. NBN said they would resume.\n")
    assert r.party("NBN").name == r.party("Northland Broadcasting Network").name


def test_a_name_holding_a_gazetteer_party_is_a_party_of_its_own_and_a_legal_form_extends_one():
    r = read("TikTok Global would be owned by Walmart Inc and Oracle, the U.S. Senate said.\n")
    assert r.party("TikTok Global").name == "p_tiktok_global" and r.party("TikTok Global")["type"] == "company"
    assert r.party("Walmart Inc").name == "walmart" and r.party("Oracle").name == "oracle"
    assert r.party("U.S. Senate")["type"] == "government body"
    assert not (r.world.mentions["surface"] == "U.S.").any()  # the country inside the Senate's name is no mention


def test_a_title_case_headline_is_not_read():
    r = read("Ministry Weighs Zentrix Deal as Talks Drag On\n\nThe talks dragged on.\n")
    assert r.provisional().empty


def test_provisional_ids_are_stable_unique_and_their_rows_validate():
    a = read("Tomas Velkaric said Zentrix Corp. had won.\n")
    b = read("Nobody expected it. Later, Tomas Velkaric said Zentrix Corp. had won, and Velkaric Holdings agreed.\n")
    assert a.party("Tomas Velkaric").name == b.party("Tomas Velkaric").name == "p_tomas_velkaric"
    # an organisation's id leaves out a legal form, so that "Zentrix Corp." and "Zentrix" are one party
    assert a.party("Zentrix Corp.").name == b.party("Zentrix Corp.").name == "p_zentrix"
    assert parties.party_ids({"person:velkaric", "org:velkaric"}, set()) == {"person:velkaric": "p_velkaric",
                                                                              "org:velkaric": "p_velkaric_2"}
    rows = parties.gazetteer_rows(b.world.parties)
    assert list(rows.columns) == list(GAZETTEER.columns) and rows["source"].str.startswith("corpus: Article 0 '").all()
    together = pd.concat([GAZETTEER, rows], ignore_index=True).astype(str)
    assert tables.gazetteer_problems(together, "stakeholders.csv", {}) == []


def test_the_seed_articles_name_no_party_the_gazetteer_lacks(corpus):
    from helpers.mentions import find_mentions

    world = parties.open_world(corpus, find_mentions(corpus, GAZETTEER), GAZETTEER, CUES)
    assert world.parties["reviewed"].all()


def test_an_institution_in_lower_case_after_its_country_is_a_party_of_its_own():
    # the country must be one the place lists know: "Valdoria's ministry" is read as any possessive name
    r = read("Norway's foreign ministry said on Monday that the ban was unfair. The Norwegian embassy in London "
             "agreed. Norwegian foreign ministry spokesman Tomas Velkaric called it theft.\n")
    assert r.party("Norway's foreign ministry")["type"] == "government body"
    assert r.party("Norwegian embassy")["type"] == "government body"
    assert "Norway" not in set(r.world.mentions["surface"])  # the ministry acts, not the country
    assert not {"Norwegian foreign ministry", "Norwegian"} & set(r.world.mentions["surface"])  # the spokesman's
    assert r.reported("said")["speaker_id"] == r.party("Norway's foreign ministry").name


def test_a_surname_that_is_also_a_place_is_the_person_named_before():
    r = read("Kiara Mendoza, a dancer, spoke first. “I’m not panicking,” Mendoza told Recode. She grew up in Mendoza.\n")
    assert r.quote("not panicking")["speaker_id"] == "p_kiara_mendoza"
    assert (r.world.mentions["surface"] == "Mendoza").sum() == 1  # "in Mendoza": the city


@pytest.mark.parametrize(("text", "name"), [
    ("The Standing Committee of the National People's Congress passed the law.\n",
     "Standing Committee of the National People's Congress"),  # a plural noun's possessive inside a name
    ("The People's Daily said so.\n", "People's Daily"),
    ("US Commerce Secretary Wilbur Ross said so.\n", "Wilbur Ross"),  # nameparser lists "us" as a title
    ("Kenneth Lau told AFP.\n", "AFP"),  # the sentence's full stop is not the acronym's
])
def test_names_read_whole_and_without_the_sentence_stop(text, name):
    assert name in set(read(text).world.mentions["surface"])


def test_a_place_modifier_and_a_common_word_before_a_description_are_no_parties():
    r = read("State broadcaster CCTV quoted Kenneth Lau, a Hong Kong-based analyst at consultancy Zentrix Research.\n")
    assert {"State", "Hong Kong-based"}.isdisjoint(set(r.world.mentions["surface"]))
    assert r.party("Zentrix Research")["type"] == "company" and r.party("CCTV")["type"] == "media outlet"


def test_no_month_weekday_or_holiday_joins_a_name_or_becomes_a_party():
    r = read("In February the Quorvith administration paused the case. On Monday CNBC reported the talks. The deadline "
             "is 11:59 p.m. PT Sunday. Sales peak on Valentine's Day and Singles' Day, and before Christmas. Doris Day "
             "sang.\n")
    surfaces = set(r.world.mentions["surface"])
    assert {"Quorvith administration", "CNBC", "Doris Day"} <= surfaces
    assert not any(w in s for s in surfaces for w in ("February", "Monday", "Sunday", "Valentine", "Christmas"))
    assert "Day" not in surfaces


def test_names_listed_with_apps_are_apps_not_their_owners():
    r = read("Apps including Roposo and Takatak grew. Alipay, WeChat Pay and eight other apps were named. The list "
             "includes Tencent's messaging app WeChat, Zentrix's browser and Alibaba's UC Browser. Officials such as "
             "Tomas Velkaric and Alma Quorvith spoke.\n")
    surfaces = set(r.world.mentions["surface"])
    assert {"Roposo", "Takatak", "Alipay", "WeChat Pay"}.isdisjoint(surfaces)
    assert {"Alibaba", "Tomas Velkaric", "Alma Quorvith"} <= surfaces


def test_a_first_paragraph_in_title_case_is_a_headline_and_a_foreign_given_name_stays():
    r = read("Quorvith Pauses Velkaric’s Zentrix Crusade. The Theater May Outlast It.\n"
             "Sana Mirza, a researcher at the Karachi Digital Forum, said the pattern was clear.\n")
    surfaces = set(r.world.mentions["surface"])
    assert "Sana Mirza" in surfaces and r.party("Karachi Digital Forum")["type"] == "organisation"
    assert not any("Pauses" in s or "Crusade" in s for s in surfaces)


def test_a_platform_posted_on_is_no_party_there_and_its_maker_acts_elsewhere():
    r = read("Quorvix launched a rival feature on Wednesday. Mara Stiel, a dancer, asked fans to follow her on "
             "Quorvix and Zentube instead. Instagram users shrugged.\n")
    kinds = dict(zip(r.world.set_aside["name"], r.world.set_aside["kind"]))
    assert kinds.get("Zentube") == "platform" and kinds.get("Instagram") == "thing"
    assert r.party("Quorvix")["type"] != "place"  # "Quorvix launched": still a party in the first sentence


def test_people_of_organisations_joined_by_and_are_each_a_party_but_a_ministry_of_two_fields_stays_whole():
    r = read("The hearing will feature Tomas Velkaric of Zentrix and Alma Quorvith of Quorvith Holdings. The Ministry "
             "of Science and Technology agreed.\n")
    surfaces = set(r.world.mentions["surface"])
    assert {"Tomas Velkaric", "Zentrix", "Alma Quorvith", "Quorvith Holdings",
            "Ministry of Science and Technology"} <= surfaces


def test_mentions_are_the_same_whether_an_article_is_read_whole_or_from_paragraphs_read_before():
    from helpers.mentions import find_mentions

    text = ("Oracle and ByteDance talked on Monday.\nWalmart said it would join Oracle.\n"
            "Microsoft declined to comment.\nTrump gave his blessing.\n")
    corpus = corpus_of(text, text + "A new line names Walmart again.\n", text)  # a0 whole, a1 and a2 mostly known
    found = find_mentions(corpus, GAZETTEER)
    spans = {aid: list(zip(g["start"], g["end"], g["stakeholder_id"])) for aid, g in found.groupby("article_id")}
    assert spans["a0"] == spans["a2"] == spans["a1"][:len(spans["a0"])] and len(spans["a0"]) >= 6


def test_a_surname_after_a_word_for_things_is_the_person_the_article_names_and_stays_one_elsewhere():
    # "The executive order Velkaric signed" reads like "the app Moj"; the article names Tomas Velkaric, and
    # another article's "Velkaric told reporters" must not become a thing because of it
    r = read("Governor Tomas Velkaric spoke on Monday. \"It is over,\" Velkaric told reporters.\n",
             "President Tomas Velkaric acted. The executive order Velkaric signed on Wednesday withdraws two orders.\n")
    at = r.world.mentions.set_index(["article_id", "surface"])["stakeholder_id"]
    assert at[("a0", "Velkaric")] == at[("a1", "Velkaric")] == r.party("Tomas Velkaric").name
    assert r.quote("It is over")["speaker_id"] == r.party("Tomas Velkaric").name


@pytest.mark.parametrize("sentence", ["\"These are true security issues,\" Velkaric told host Alma Quorvith on air.",
                                      "Velkaric took office on Jan. 20.",
                                      "Zentrix declined to say who would replace Velkaric as chief operating officer."])
def test_a_title_or_an_office_after_a_verb_or_a_preposition_does_not_make_the_name_an_organisation(sentence):
    # "Disney executive" makes Disney an organisation and "the Commerce department" an office; "Velkaric told host
    # Alma Quorvith", "Velkaric took office" and "replace Velkaric as chief" leave Velkaric a person
    r = read(f"Secretary of State Tomas Velkaric warned Sunday that the apps were a risk.\n{sentence}\n")
    ids = set(r.world.mentions.loc[r.world.mentions["surface"].str.contains("Velkaric"), "stakeholder_id"])
    assert ids == {r.party("Tomas Velkaric").name} and r.party("Tomas Velkaric")["type"] == "person"


def test_a_name_after_a_company_word_is_a_person_when_who_follows_it():
    # "TikTok owner ByteDance" is a company; "bakery owner Alma Quorvith, who credits the app" is a person
    r = read("Rochester bakery owner Alma Quorvith, who credits the app with her weekend orders, said she was calm. "
             "Zentrix owner Quorvix Holdings declined to comment.\n")
    assert r.party("Alma Quorvith")["type"] == "person"
    assert r.party("Quorvix Holdings")["type"] != "person"


@pytest.mark.parametrize("title", ["Then-President", "then-Secretary", "ex-Senator"])
def test_a_former_title_written_with_then_or_ex_makes_a_person(title):
    r = read(f"{title} Alma Quorvith gave the arrangement her blessing in September.\n")
    assert r.party("Alma Quorvith")["type"] == "person"


@pytest.mark.parametrize("group", ["Republicans", "Senate Democrats", "Texas Republicans"])
def test_a_partys_members_are_no_party_as_a_countrys_people_are_none(group):
    r = read(f"{group} pushed back on Monday against the Zentrix Corp. deal, and Zentrix said it would wait.\n")
    assert group not in set(r.world.mentions["surface"]) and "Zentrix Corp." in set(r.world.mentions["surface"])


def test_a_surname_that_is_a_common_word_still_leaves_the_place_after_of():
    r = read("Rubio was joined by Thom Tillis of North Carolina and Roger Wicker of Mississippi.\n\nWicker, who chairs "
             "the Senate Commerce Committee, said a purchase \"would be a win for U.S. consumers.\"\n")
    assert r.quote("would be a win")["speaker_id"] == "p_roger_wicker"
    assert "Roger Wicker of Mississippi" not in set(r.world.mentions["surface"])


def test_a_capitalised_adjective_is_no_party():
    r = read("Troops clashed in the Himalayan border region in June, and Zentrix Corp. said it would wait.\n")
    assert "Himalayan" not in set(r.world.mentions["surface"]) and "Zentrix Corp." in set(r.world.mentions["surface"])


@pytest.mark.parametrize("group", ["Uyghurs", "Uyghur Muslims", "Tibetans", "Muslims", "Sikhs"])
def test_a_people_named_by_its_language_or_a_faiths_followers_are_no_party(group):
    r = read(f"Rights groups said {group} were being watched, and Zentrix Corp. said it would wait.\n")
    assert group not in set(r.world.mentions["surface"]) and "Zentrix Corp." in set(r.world.mentions["surface"])


@pytest.mark.parametrize("firm", ["Hearth & Crumb", "Lumen & Loop", "Procter & Gamble"])
def test_capitalised_words_joined_by_an_ampersand_are_a_firm_though_each_is_a_common_word(firm):
    r = read(f"Sales at the bakery chain {firm} fell in August, and Zentrix Corp. said it would wait.\n")
    assert r.party(firm)["type"] == "company"


@pytest.mark.parametrize(("sentence", "place"), [
    # a capital a preposition or a verb takes as its object
    ("The timing follows weeks of pressure from Washington.", "Washington"),
    ("Zentrix has spent months trying to satisfy Washington without falling foul of Beijing.", "Washington"),
    ("The deal still has to be approved by Washington.", "Washington"),
    ("Analysts said the fight between Washington and Beijing would go on.", "Washington"),
    ("The deal neither Washington nor Beijing has signed off is in limbo.", "Washington"),
    ("Every deal has a version for Washington and a version for Zentrix.", "Washington"),
    # a country acting through an auxiliary, a modal or an adverb, or the one accused, urged or warned
    ("A ministry spokesperson said the United States had repeatedly abused the concept of national security.",
     "United States"),
    ("Zentrix accused the United States of using state power to hunt companies.", "United States"),
    ("The ministry urged the United States to abandon bullying.", "United States"),
    ("\"We hope that the United States will treat Chinese companies fairly,\" Alma Quorvith said.", "United States"),
    ("Beijing on Tuesday warned the United States against opening Pandora's box.", "United States"),
])
def test_a_place_name_standing_for_its_government_is_a_government_party(sentence, place):
    r = read(f"{sentence} Zentrix Corp. said it would wait.\n")
    assert r.party(place)["type"] == "government body"


@pytest.mark.parametrize("sentence", [
    "A federal judge in Washington blocked the ban.",
    "Late on Thursday, Washington time, the president signed two orders.",
    "Alma Quorvith visited Washington in March.",
    "Reporting by the Beijing and Washington newsrooms.",
])
def test_a_capital_where_something_happens_is_a_place(sentence):
    r = read(f"{sentence} Zentrix Corp. said it would wait.\n")
    assert "Washington" not in set(r.world.mentions["surface"])


def test_a_ticker_after_a_companys_legal_form_is_not_part_of_its_name():
    r = read("Under the plan, Zentrix Corp. ZTX would have become the partner and taken a stake alongside Quorvia Inc. QRV "
             "in a new company. Zentrix said it would wait.\n")
    assert {"Zentrix Corp.", "Quorvia Inc."} <= set(r.world.mentions["surface"])
    assert r.party("Zentrix Corp.").name == r.party("Zentrix").name


@pytest.mark.parametrize("body", ["ministry of electronics and IT", "ministry of electronics and information technology"])
def test_a_ministry_written_in_lower_case_acting_is_a_party(body):
    r = read(f"The {body} banned it along with 58 other apps, saying they were a threat to \"defence of India, security "
             "of state and public order\".\n")
    assert r.party(body)["type"] == "government body"
    assert r.quote("defence of India")["speaker_id"] == r.party(body).name


def test_a_country_acting_after_an_aside_is_its_government():
    r = read("India, once Zentrix's largest market by downloads, banned the app along with 58 others on June 29, calling "
             "them “prejudicial to sovereignty and integrity of India”.\n")
    assert r.party("India")["type"] == "government body"
    assert r.quote("prejudicial")["speaker_id"] == r.party("India").name


def test_a_country_the_gazetteer_lists_as_a_place_is_one_government_party_where_it_acts_and_a_place_elsewhere():
    r = read("A ministry spokesperson said the U.S. had repeatedly abused the concept of national security. The United "
             "States has denied it, and Zentrix hopes the US will relent. Zentrix has 100 million users in the United "
             "States, it said.\n")
    m = r.world.mentions.set_index("surface")["stakeholder_id"]
    acting = {m["U.S."], m["US"], m["United States"].iloc[0]}
    assert len(acting) == 1 and m["United States"].iloc[1] == "united_states"
    assert r.world.parties.set_index("stakeholder_id").loc[acting.pop(), "type"] == "government body"
