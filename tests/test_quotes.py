"""Quotations as newsrooms print them and their speakers, checked against text generated from each
rule (invented names and statements, not the articles the rules were tuned on)."""
from __future__ import annotations

import pytest
from voices import read

from helpers import segment

INTRO = "Tomas Velkaric, a lawyer for Zentrix Corp., spoke after the hearing. "


def spans(text: str) -> list[tuple[str, int, bool]]:
    return [(text[a:b], d, c) for a, b, d, c in segment.quote_spans(text, 0, len(text))]


@pytest.mark.parametrize(("text", "expected"), [
    ('He said "It is done." She agreed.', [('"It is done."', 0, True)]),
    ('“We are pleased," she said.', [('“We are pleased,"', 0, True)]),  # curly opening, straight closing
    ('"We are pleased,” she said.', [('"We are pleased,”', 0, True)]),
    ("“They used power to ‘hunt’ firms,” it said.", [("“They used power to ‘hunt’ firms,”", 0, True),
                                                     ("‘hunt’", 1, True)]),  # a quote inside a quote
    ("‘“Security” is the weapon of choice,’ the paper argued.", [("‘“Security” is the weapon of choice,’", 0, True),
                                                               ("“Security”", 1, True)]),  # British: double inside single
    ("Kevin’s role and the lawyers’ fees", []),  # apostrophes
    ("“In recent weeks, as things changed", [("“In recent weeks, as things changed", 0, False)]),  # runs on
])
def test_quotation_marks_pair_as_printed(text, expected):
    assert spans(text) == expected


@pytest.mark.parametrize("text", [
    INTRO + '"We will appeal the ruling today," Velkaric said.\n',
    INTRO + '"We will appeal the ruling today," said Velkaric, the firm\'s lawyer.\n',
    INTRO + 'Velkaric said: "We will appeal the ruling today."\n',
    INTRO + '“We will appeal the ruling today," he said.\n',  # mixed marks, a pronoun
    INTRO + 'He told reporters, "We will appeal the ruling today."\n',
])
def test_a_quotation_is_spoken_by_the_subject_of_its_verb_before_or_after_it(text):
    q = read(text).quote("We will appeal")
    assert q["speaker_id"] == "p_tomas_velkaric" and q["kind"] == "direct"


def test_a_title_is_read_as_the_persons_not_the_country_or_the_department():
    r = read('U.S. Department of Ports Secretary Alma Quorvith said in a statement: "We are ready to act."\n')
    assert r.quote("We are ready")["speaker_id"] == "p_alma_quorvith"


def test_an_apposition_between_subject_and_verb_is_skipped():
    r = read("Alma Quorvith, a Zentrix appointee who joined the board last year, called the plan \"deeply flawed\" "
             "on Monday.\n")
    q = r.quote("deeply flawed")
    assert (q["speaker_id"], q["kind"]) == ("p_alma_quorvith", "partial")


def test_the_head_of_an_institution_named_in_apposition_before_the_name_is_the_person():
    r = read("Speaking on television, the head of the Northland Mission to the EU, Tomas Velkaric, said: "
             "\"Talks will go on.\"\n")
    assert r.quote("Talks will go on")["speaker_id"] == "p_tomas_velkaric"


@pytest.mark.parametrize(("sentence", "speech"), [
    ('Quorvith called the plan "deeply flawed" on Monday.', True),  # governed by a speech verb: partial quote
    ('Quorvith warned that any "shell game" would fail.', True),
    ('The so-called "clean network" plan stalled.', False),  # introduced as a term
    ('Zentrix was named the "trusted partner" of the deal.', False),
    ('She said the "Open Skies" programme would end.', False),  # a name in title case
    ('The "clean network" plan stalled.', False),  # nobody says it
])
def test_short_quotations_are_partial_quotes_only_when_a_speech_verb_governs_them(sentence, speech):
    r = read("Treasury Secretary Alma Quorvith spoke on Monday. " + sentence + "\n")
    assert (len(r.speech.quotes) == 1) is speech
    if speech:
        assert r.speech.quotes.iloc[0]["speaker_id"] == "p_alma_quorvith"


def test_a_quote_over_several_paragraphs_is_one_quote_with_parts():
    r = read("Alma Quorvith wrote to the staff on Wednesday, her last week at the company.\n"
             "“In recent weeks the climate has changed, and I have thought hard about the role.\n"
             "“Against this backdrop I have decided to leave the company,” she wrote.\n")
    q = r.speech.quotes
    assert list(q["kind"]) == ["multi-paragraph"] * 2 and list(q["part"]) == [1, 2] and set(q["of"]) == {2}
    assert set(q["speaker_id"]) == {"p_alma_quorvith"}


def test_a_statement_after_a_colon_line_has_no_marks():
    r = read("Zentrix Corp. confirmed the talks on Sunday.\n"
             "Zentrix's full statement:\n"
             "Zentrix is prepared to continue discussions to explore a purchase of the business.\n"
             "Zentrix will move quickly to pursue discussions with the parent company.\n"
             "The post added that Zentrix would keep the data at home.\n")
    q = r.speech.quotes
    assert list(q["kind"]) == ["statement", "statement"] and set(q["speaker_id"]) == {"p_zentrix"}
    assert not q["text"].str.contains("The post added").any()
    assert r.reported("The post added")["speaker_id"] == "p_zentrix"  # the post is Zentrix's


@pytest.mark.parametrize(("before", "speaker"), [
    ("Zentrix Corp. sued the Ministry of Ports on Monday.", "p_zentrix"),  # "the company": a company
    ("The Ministry of Ports replied to Zentrix Corp. on Monday.", "p_ministry_of_ports"),  # "the ministry"
])
def test_descriptions_resolve_to_the_nearest_compatible_named_party(before, speaker):
    said = "the company said" if speaker == "p_zentrix" else "the ministry said"
    r = read(f"{before} \"We have no choice but to defend our position,\" {said}.\n")
    assert r.quote("no choice")["speaker_id"] == speaker


def test_the_company_continued_keeps_the_speaker():
    r = read('Zentrix Corp. responded on Friday. "We are disappointed," the company said. '
             '"We will keep serving our users," the company continued.\n')
    assert set(r.speech.quotes["speaker_id"]) == {"p_zentrix"}


def test_a_spokesperson_speaks_for_the_institution():
    r = read('"The review will take time," a Zentrix spokesperson said.\n')
    assert r.quote("review will take")["speaker_id"] == "p_zentrix"


def test_reported_speech_is_attributed_to_the_subject_not_to_whom_it_was_told():
    r = read("Treasury Secretary Alma Quorvith told Channel Nine News that her office had received a proposal "
             "involving Zentrix Corp.\n")
    assert r.reported("told")["speaker_id"] == "p_alma_quorvith"
    assert r.speech.quotes.empty


def test_according_to_names_the_source_or_no_one():
    r = read("A deal is close, according to Zentrix Corp. A vote is near, according to a person familiar with "
             "the talks.\n")
    cues = dict(zip(r.speech.reported["cue"], r.speech.reported["speaker_id"]))
    assert cues["according to Zentrix Corp"] == "p_zentrix"
    assert cues["according to a person familiar with the talks"] == "unknown"


def test_negated_speech_is_not_reported_speech():
    r = read("Alma Quorvith did not say when a decision would come.\n")
    assert r.speech.reported.empty


# -- rules added after measuring a corpus the code had not seen (invented names here) --------------

def test_a_ministry_spokesman_speaks_for_the_ministry_named_before_and_so_does_the_spokesman_who_adds():
    r = read("In a statement, the Northland Trade Ministry said it opposed the move. “Northland urges the "
             "Republic to stop,\" a ministry spokesman said.\n"
             "“We will take all necessary measures,” the spokesman added.\n")
    assert r.quote("urges the Republic")["speaker_id"] == r.quote("necessary measures")["speaker_id"] \
        == r.party("Northland Trade Ministry").name


def test_an_official_in_charge_of_a_department_speaks_for_its_institution():
    r = read("The Northland Trade Ministry published its list on Friday.\n"
             "An official in charge of the Northland Trade Ministry's services department said the change would "
             "\"protect national economic security.\"\n"
             "The official said the list would be revised every year.\n")
    ministry = r.party("Northland Trade Ministry").name
    assert r.quote("protect national economic security")["speaker_id"] == ministry
    assert r.reported("The official said")["speaker_id"] == ministry


def test_a_description_with_a_name_in_apposition_is_that_name():
    r = read("Judge Anna Korvel heard the first case in August.\n"
             "Last month a judge in Ohio, Berit Halloway, refused the request, ruling that the owners would not "
             "suffer \"grave, lasting harm\".\n")
    assert r.quote("grave, lasting harm")["speaker_id"] == "p_berit_halloway"
    assert r.reported("refused the request, ruling")["speaker_id"] == "p_berit_halloway"


def test_of_a_company_and_its_parent_the_first_speaks():
    r = read('In a petition filed on Tuesday, Zentrix Corp. and its parent Quorvith Holdings asked the judges to '
             '"set aside and vacate" the order.\n')
    assert r.quote("set aside and vacate")["speaker_id"] == r.party("Zentrix Corp.").name


def test_a_court_document_speaks_for_whoever_filed_it():
    r = read("Zentrix Corp. asked a federal judge on Monday to block the rule.\n"
             "The motion argues that the rule would cause the company \"irreparable harm\" within days.\n")
    assert r.quote("irreparable harm")["speaker_id"] == r.party("Zentrix Corp.").name


def test_a_statement_goes_on_while_its_paragraphs_speak_in_the_first_person():
    r = read("Zentrix Corp. said in a statement that day:\n"
             "We disagree with the decision and will keep serving our customers.\n"
             "We will continue to challenge the order, which gives our millions of users no voice.\n"
             "The order takes effect on Sunday.\n")
    statement = r.speech.quotes[r.speech.quotes["kind"] == "statement"]
    assert [t[:12] for t in statement["text"]] == ["We disagree ", "We will cont"]
    assert set(statement["speaker_id"]) == {r.party("Zentrix Corp.").name}


def test_they_is_the_first_of_the_people_named_together_before():
    r = read("Zentrix's interim head, Alma Quorvith, and Tomas Velkaric, a vice president, told staff in an email that "
             "the firm would shrink.\n"
             "“We hoped this would be short-lived. We find it has not been,” they wrote.\n")
    assert r.quote("short-lived")["speaker_id"] == "p_alma_quorvith"


def test_a_statement_that_says_is_its_issuers():
    r = read("Zentrix Corp. said the deal was done. Hours later, Quorvith Holdings Vice President Alma Quorvith issued a "
             "statement that said the opposite: \"Zentrix will own nothing of the new company.\"\n")
    assert r.quote("will own nothing")["speaker_id"] == "p_alma_quorvith"


def test_a_pronoun_closing_a_sentence_is_not_a_name_inside_what_was_said():
    r = read("Zentrix Corp. said on Monday it would hold 80% of the new firm. Quorvith Holdings would become a "
             "Zentrix subsidiary, it said.\n")
    assert r.reported("it said")["speaker_id"] == r.party("Zentrix Corp.").name


def test_a_colon_line_with_no_reporting_verb_gives_its_subject():
    r = read("Alma Quorvith laid out her case when she introduced the bill in March:\n"
             "“Zentrix is owned by a foreign company and must not run on government phones.\n"
             "“This bill is a necessary step.”\n")
    assert set(r.speech.quotes["speaker_id"]) == {"p_alma_quorvith"}


def test_a_named_spokesperson_of_an_institution_speaks_for_it():
    r = read('"We are confident in our future," a Zentrix spokeswoman, Alma Quorvith, said last week.\n')
    assert r.quote("confident in our future")["speaker_id"] == r.party("Zentrix").name


def test_a_quote_opening_a_paragraph_with_no_attribution_continues_the_last_speaker():
    r = read("Zentrix chief executive Alma Quorvith wrote to staff on Wednesday. “We are not the enemy,” she wrote.\n"
             "She saved her sharpest words for a rival.\n"
             "“Quorvith Holdings is even launching another copycat product, after their last one failed.\n"
             "“But let's focus on fair competition.”\n")
    assert r.quote("copycat product")["speaker_id"] == "p_alma_quorvith"


def test_an_age_between_name_and_verb_and_an_institutions_lawyers_keep_the_subject():
    r = read("Alma Quorvith, 37, said that the company disagreed. Later, Northland Trade Ministry lawyers argued that "
             "the ban was lawful.\n")
    assert r.reported("said")["speaker_id"] == "p_alma_quorvith"
    assert r.reported("argued")["speaker_id"] == r.party("Northland Trade Ministry").name


@pytest.mark.parametrize("text", [
    INTRO + '"We will appeal the ruling today," Velkaric cautioned.\n',  # reporting verbs of Krestel et al. (2008)
    INTRO + '"We will appeal the ruling today," he quipped.\n',
    INTRO + '"We will appeal the ruling today," Velkaric stressed on Monday.\n',
    INTRO + '"We will appeal the ruling today," Velkaric tweeted.\n',
    INTRO + 'Asked whether the firm would appeal, Velkaric replied: "We will appeal the ruling today."\n',
    INTRO + '"We will appeal the ruling today," Velkaric fumed.\n',  # any verb closing the clause after the quote
    INTRO + '"We will appeal the ruling today," fumed Velkaric.\n',
    INTRO + '"We will appeal the ruling today?" Velkaric wondered aloud.\n',
])
def test_a_quotation_is_spoken_by_the_subject_of_any_verb_of_saying_after_it(text):
    assert read(text).quote("We will appeal")["speaker_id"] == "p_tomas_velkaric"


def test_a_verb_after_a_quote_that_does_not_close_the_clause_attributes_nothing():
    r = read(INTRO + 'The firm called it "a plain and final ruling," Velkaric filed an appeal against it.\n')
    assert r.quote("plain and final")["speaker_id"] != "p_tomas_velkaric"


@pytest.mark.parametrize("text", [
    "Tomas Velkaric, 52, a partner at Hollis & Brandt LLP, said: \"We will appeal the ruling today.\"\n",
    '"We will appeal the ruling today," Tomas Velkaric, a professor of law at Elmfield University, told reporters.\n',
    "For Tomas Velkaric, the answer was simple: \"We will appeal the ruling today.\"\n",  # a colon line in the sentence
    "Tomas Velkaric was blunt. \"We will appeal the ruling today.\"\n",  # the sentence before names the speaker
])
def test_asides_and_the_sentence_before_leave_the_speaker(text):
    assert read(text).quote("We will appeal")["speaker_id"] == "p_tomas_velkaric"


@pytest.mark.parametrize("line", ['The group said: "We will appeal the ruling today."',
                                  '"We will appeal the ruling today," the alliance said.'])
def test_the_group_and_the_alliance_are_the_organisation_named_before(line):
    r = read("Tomas Velkaric, a lawyer, spoke after the hearing. The Northland Digital Rights Alliance filed a brief. "
             + line + "\n")
    assert r.quote("We will appeal")["speaker_id"] == r.party("Northland Digital Rights Alliance").name


@pytest.mark.parametrize(("text", "speaker"), [
    ('"The list is a loaded gun," said Dr Tomas Velkaric, a trade lawyer.\n', "p_tomas_velkaric"),  # a title between
    ('"The list is a loaded gun," Tomas Velkaric, a Hong Kong-based analyst at consultancy Zentrix Research, '
     'told AFP.\n', "p_tomas_velkaric"),  # the firm sits inside the aside
    ("Sen. Tomas Velkaric, R-Fla., said the plan was \"a loaded gun.\"\n", "p_tomas_velkaric"),  # party and state
])
def test_titles_asides_and_party_labels_leave_the_speaker(text, speaker):
    assert read(text).quote("loaded gun")["speaker_id"] == speaker


def test_a_reporting_clause_put_before_its_subject_names_the_speaker_but_not_the_one_told():
    r = read("Ad deals are still coming in, said Mara Stiel, a talent manager whose firm, Zentrix Talent, represents "
             "30 creators. Alma Quorvith, an analyst at Hollis Research, told AFP that prices would fall.\n")
    assert r.reported("said")["speaker_id"] == "p_mara_stiel"
    assert r.reported("told")["speaker_id"] == "p_alma_quorvith"


def test_a_name_inside_a_relative_clause_that_holds_the_verb_is_its_subject():
    r = read("The app faces a ban, which Zentrix has said would hurt millions of users.\n")
    assert r.reported("said")["speaker_id"] == r.party("Zentrix").name


def test_a_possessive_aside_between_a_quote_and_its_speaker_is_skipped():
    r = read("Alma Quorvith spoke on Monday.\nCrucial Quote\n“We are inspired by other companies,” Tomas Velkaric, "
             "Zentrix’s vice president of product, told reporters Wednesday.\n")
    assert r.quote("inspired by")["speaker_id"] == "p_tomas_velkaric"


def test_a_statement_after_a_colon_line_with_no_verb_is_the_lines_subject_while_it_speaks_in_the_first_person():
    r = read("In a blog post last week, chief executive Tomas Velkaric, who took over in June, took aim at Quorvith "
             "Holdings directly:\n"
             "To those who wish to compete, we say bring it on.\n"
             "At Zentrix we welcome competition. We think it makes all of us better.\n"
             "Quorvith Holdings did not respond.\n")
    statements = r.speech.quotes[r.speech.quotes["kind"] == "statement"]
    assert list(statements["speaker_id"]) == ["p_tomas_velkaric"] * 2


def test_people_named_together_with_a_title_between_speak_as_the_first():
    r = read("In a memo, Zentrix interim head Alma Quorvith and vice-president of global business Tomas Velkaric said "
             "the company would cut staff. “We hoped this would be short-lived,” they wrote.\n")
    assert r.reported("said")["speaker_id"] == "p_alma_quorvith"
    assert r.quote("short-lived")["speaker_id"] == "p_alma_quorvith"


def test_a_pronoun_after_and_starts_a_clause_of_its_own():
    r = read("Tomas Velkaric, a lawyer, spoke first. The format was modeled on Zentrix, and he told reporters the company gave "
             "Zentrix \"full credit\" for it.\n")
    assert r.quote("full credit")["speaker_id"] == "p_tomas_velkaric"


def test_a_surname_that_is_also_a_title_is_the_person():
    r = read("Vishal Shah, a product head, spoke on Wednesday. Shah acknowledged that the firm had borrowed before.\n")
    assert r.reported("acknowledged")["speaker_id"] == "p_vishal_shah"


def test_a_long_title_between_a_quote_and_its_verb_is_the_speakers():
    r = read("“The team sets the stage for growth,” Zentrix founder and Chief Executive Tomas Velkaric said in a "
             "statement.\n")
    assert r.quote("sets the stage")["speaker_id"] == "p_tomas_velkaric"


def test_the_company_closing_a_sentence_is_the_company_the_story_is_about():
    r = read("Zentrix said on Friday that its finance chief would also run it. Alma Quorvith, who joined Zentrix in "
             "March after five years at smartphone maker Quorvith Holdings, will stay in Singapore, the company said.\n")
    assert r.reported("the company said")["speaker_id"] == r.party("Zentrix").name


def test_a_quote_split_by_its_attribution_goes_on_with_its_speaker():
    r = read('Mara Stiel, a lawyer, spoke on Monday. "This," she said, "is a change of method, not a change of mind."\n')
    assert r.quote("This,")["speaker_id"] == r.quote("change of method")["speaker_id"] == "p_mara_stiel"


def test_a_former_official_speaks_for_no_institution():
    r = read("The order stays in force, and a former Zentrix Department official, who spoke on condition of anonymity, "
             "said the agency would keep it. “Nobody wants to let the app off the hook,” the former official said.\n")
    assert r.reported("official, who spoke")["speaker_id"] == "unknown"
    assert r.quote("off the hook")["speaker_id"] == "unknown"


def test_the_two_executives_are_the_people_named_together_before():
    r = read("In a letter, Zentrix interim head Alma Quorvith and vice-president of sales Tomas Velkaric said the "
             "company would cut staff. “We hoped this would be short-lived,” the two executives wrote.\n")
    assert r.quote("short-lived")["speaker_id"] == "p_alma_quorvith"


def test_a_statement_goes_on_while_its_paragraphs_say_we_or_our_early():
    r = read("In a statement, a Zentrix spokesperson said:\n"
             "We have worked steadfastly to comply with the order.\n"
             "It is therefore disappointing that in the ensuing seven months, despite our efforts, we have had no answer.\n"
             "We look forward to relaunching the app.\n"
             "Zentrix had 2,000 employees.\n")
    statements = r.speech.quotes[r.speech.quotes["kind"] == "statement"]
    assert len(statements) == 3 and set(statements["speaker_id"]) == {r.party("Zentrix").name}


def test_an_indefinite_description_is_someone_new_but_a_ministry_spokesman_is_the_ministry():
    r = read("Zentrix Holdings made an offer. A senior media buyer at a holding-company agency, who asked not to be "
             "named, said the revocation removed \"the last excuse\" for caution. The Norland Trade Ministry confirmed "
             "the rules. They apply \"in accordance with the law,\" a ministry spokesman said.\n")
    assert r.quote("the last excuse")["speaker_id"] == "unknown"
    assert r.quote("in accordance")["speaker_id"] == r.party("Norland Trade Ministry").name


def test_a_reporting_clause_closing_the_sentence_attributes_a_long_partial_quote_but_no_scare_quote():
    r = read("The Norland Trade Ministry published its rules on Saturday. The list targets firms that endanger "
             "Norland's \"national sovereignty, security or development interests\" or break off deals with local "
             "firms, the ministry said. A \"working mechanism\" of several departments will decide, the ministry said.\n")
    assert r.quote("national sovereignty")["speaker_id"] == r.party("Norland Trade Ministry").name
    assert not r.speech.quotes["text"].str.contains("working mechanism").any()


def test_they_and_the_two_executives_are_the_first_of_the_people_named_together_even_after_a_description():
    r = read("The decision came in an email from Alma Quorvith, Zentrix's interim head, and Tomas Velkaric, its "
             "vice-president. The two executives said the company had no choice.\n")
    assert r.reported("executives said")["speaker_id"] == "p_alma_quorvith"


def test_a_person_named_only_in_the_possessive_before_is_she():
    r = read("“Clients pulled budgets within days,” says Mara Stiel, head of strategy at Zentrix. Tomas Velkaric, "
             "a lawyer, disagreed.\nFor brands, Stiel’s advice hasn’t changed: keep spending.\n"
             "“Treat every platform like it could vanish,” she says.\n")
    assert r.quote("could vanish")["speaker_id"] == "p_mara_stiel"


def test_the_statement_is_by_whoever_issued_a_statement_in_the_sentence_before():
    r = read("Zentrix Holdings said it would buy a stake. The retailer laid out its plans in a statement late Saturday, "
             "hours after Tomas Velkaric, a senator, said he supported the deal. The statement read in part:\n"
             "We are excited about our potential investment.\n"
             "Zentrix Holdings did not say more.\n")
    statement = r.speech.quotes[r.speech.quotes["kind"] == "statement"]
    assert list(statement["speaker_id"]) == [r.party("Zentrix Holdings").name]


def test_a_white_house_fact_sheet_is_the_white_houses_and_one_who_is_told_speaks_not():
    r = read("The Norland Trade Ministry is told to evaluate software \"designed or supplied by persons owned or "
             "controlled by a foreign adversary.\" A Zentrix Holdings fact sheet says the firm will use a \"criteria-based "
             "decision framework\" for its review of the risks.\n")
    assert r.quote("designed or supplied")["speaker_id"] == "unknown"
    assert r.quote("criteria-based")["speaker_id"] == r.party("Zentrix Holdings").name


def test_an_order_speaks_for_whoever_signed_it():
    r = read("The order, signed by President Tomas Velkaric on Friday, says there is \"credible evidence\" that the firm "
             "might harm security. Alma Quorvith, a minister, signed an executive order in August. The Zentrix order "
             "says the app \"automatically captures vast swaths of information from its users.\"\n")
    assert r.quote("credible evidence")["speaker_id"] == "p_tomas_velkaric"
    assert r.quote("vast swaths")["speaker_id"] == "p_alma_quorvith"  # not Zentrix, the order's subject


def test_a_ministry_written_in_lower_case_and_one_with_which_a_sentence_goes_on_speak():
    r = read("The ministry of electronics and information technology (MeitY) first blocked Zentrix in June, saying the "
             "apps were engaged in activities \"prejudicial to sovereignty and integrity of Norland\". The apps stay "
             "blocked, with the Ministry saying they were engaged in activities \"prejudicial to the defence of "
             "Norland and public order\".\n")
    ministry = r.party("ministry of electronics and information technology").name
    assert r.quote("integrity of Norland")["speaker_id"] == r.quote("defence of")["speaker_id"] == ministry


def test_an_acronym_defined_after_a_name_speaks_for_it_and_a_title_no_one_holds_is_the_last_speaker():
    r = read("ISLAMABAD: The Norland Telecommunication Authority (NTA) on Friday blocked the app. \"We have issued "
             "instructions,\" the NTA said. Tomas Velkaric says no data was misused. \"There is no evidence of "
             "misuse,\" the Prime Minister told a forum by video link.\n")
    assert r.quote("issued instructions")["speaker_id"] == r.party("Norland Telecommunication Authority").name
    assert r.quote("no evidence")["speaker_id"] == "p_tomas_velkaric"


def test_the_statement_going_on_after_a_colon_line_is_its_issuers():
    r = read("“We have issued instructions,” the Norland Telecommunication Authority said in a statement on Friday.\n"
             "The statement went on:\n"
             "The authority had given the app considerable time to respond.\n"
             "Zentrix did not reply.\n")
    statement = r.speech.quotes[r.speech.quotes["kind"] == "statement"]
    assert list(statement["speaker_id"]) == [r.party("Norland Telecommunication Authority").name]


def test_an_official_is_an_unnamed_source_even_with_an_institution_but_a_spokesperson_speaks_for_it():
    # the gold conventions of tests/realistic: "a White House official" is unnamed (White House official)
    r = read("Tomas Velkaric, the Norland trade minister, announced the rules on Monday. A senior Norland Trade "
             "Ministry official told reporters the list would grow. \"We will not name firms yet,\" a Norland Trade "
             "Ministry spokesman said.\n")
    assert r.reported("official told")["speaker_id"] == "unknown"
    assert r.quote("We will not name")["speaker_id"] == r.party("Norland Trade Ministry").name


def test_a_long_indefinite_subject_after_a_quote_is_its_unnamed_speaker_but_a_relative_clause_is_not_one():
    r = read("Tomas Velkaric, the Norland trade minister, defended the law on Monday. \"Nobody knows what will be "
             "on the list,\" an official at a large Japanese trading house in Norvik said on condition of anonymity. "
             "Velkaric also said that \"a large part of the fee will go to the treasury,\" a demand that trade "
             "lawyers said had no basis.\n")
    assert r.quote("Nobody knows")["speaker_id"] == "unknown"
    assert r.quote("a large part")["speaker_id"] == r.party("Tomas Velkaric").name


def test_he_after_a_subject_named_by_description_only_is_that_unnamed_person():
    r = read("Mara Stiel, who heads the Norvik Institute, expects delays. An executive at a large trading house, who "
             "asked not to be named, said his company had set up a task force.\n\n"
             "“We don’t expect a sudden embargo,” he said.\n")
    assert r.quote("sudden embargo")["speaker_id"] == "unknown"


def test_the_official_takes_up_a_senior_official_introduced_before_not_the_ministry_that_spoke():
    r = read("A Norland Trade Ministry fact sheet says the rules will be \"criteria-based\". On a call with reporters, a "
             "senior ministry official was more direct. \"The challenge we are addressing,\" the official said, \"is data.\"\n")
    assert r.quote("criteria-based")["speaker_id"] == r.party("Norland Trade Ministry").name
    assert r.quote("The challenge")["speaker_id"] == "unknown"


def test_an_order_speaks_for_the_signer_named_after_it_or_in_the_possessive_before_it():
    r = read("The executive order President Tomas Velkaric signed Thursday bars deals with Zentrix. A companion order "
             "does the same for Quorvia. The Zentrix order says the app \"captures vast swaths of information,\" and "
             "more.\n\n"
             "Mara Stiel has revoked the orders Velkaric issued last year. Ms Stiel's order was announced on Wednesday.\n\n"
             "The new order says:\n\n"
             "The Government should evaluate these threats through rigorous, evidence-based analysis.\n")
    assert r.quote("captures vast swaths")["speaker_id"] == r.party("Tomas Velkaric").name
    assert r.quote("should evaluate")["speaker_id"] == r.party("Mara Stiel").name


def test_an_order_no_one_is_said_to_sign_is_by_the_person_who_revoked_or_ordered_in_a_sentence_before():
    r = read("President Mara Stiel on Wednesday revoked a set of orders issued by Tomas Velkaric and ordered a broader "
             "review of apps. Zentrix welcomed the move. \"The Government should evaluate these threats through "
             "rigorous analysis,\" the order said.\n\n"
             "Alma Quorvith, a trade lawyer, called it a start. The new law says firms must \"keep all data at home.\"\n")
    assert r.quote("should evaluate")["speaker_id"] == r.party("Mara Stiel").name  # not Velkaric, whose orders were revoked
    assert r.quote("keep all data")["speaker_id"] == r.party("Mara Stiel").name  # the lawyer only called it a start


def test_a_short_quote_closed_by_a_reporting_clause_is_its_speakers_but_a_term_after_an_article_is_not():
    r = read("Mara Stiel, the Norland press secretary, spoke on Tuesday. The government is \"comprehensively "
             "evaluating\" the risks from Zentrix, she said. A \"working mechanism\" of several departments will "
             "decide which firms are listed, the ministry said.\n")
    assert r.quote("comprehensively evaluating")["speaker_id"] == r.party("Mara Stiel").name
    assert not r.speech.quotes["text"].str.contains("working mechanism").any()


def test_demanding_complaining_conceding_vowing_and_advising_govern_short_quotes_but_a_demand_is_a_noun():
    r = read("Tomas Velkaric demanded that \"a substantial portion\" of the price go to the treasury. Mara Stiel wrote "
             "to staff, complaining that the app had become \"political\". Alma Quorvith advised "
             "firms to consult the ministry \"in a timely manner\". Velkaric's demand that the app be sold stands.\n")
    assert r.quote("substantial portion")["speaker_id"] == r.party("Tomas Velkaric").name
    assert r.quote("political")["speaker_id"] == r.party("Mara Stiel").name
    assert r.quote("timely manner")["speaker_id"] == r.party("Alma Quorvith").name
    assert not r.speech.reported["cue"].str.contains("demand that").any()


def test_a_quote_whose_verb_before_has_no_subject_found_takes_the_speaker_of_one_before_in_its_sentence():
    r = read("Judge Mara Stiel blocked the rules late Saturday. She wrote that the users had shown \"serious questions "
             "going to the merits\" of their claim, and that \"Zentrix is irreplaceable for its users in Norland.\" "
             "The order doesn't say which \"transactions\" are barred.\n")
    assert r.quote("irreplaceable")["speaker_id"] == r.party("Mara Stiel").name
    assert not r.speech.quotes["text"].str.contains("transactions").any()  # a verb negated governs nothing


def test_the_president_is_the_one_person_titled_so_before_however_far_back():
    filler = "".join(f"The hearing went on for hour {n}. " for n in range(1, 16))
    r = read("Judge Mara Stiel, whom President Tomas Velkaric appointed last year, heard the case. " + filler
             + "Zentrix and Quorvia gave conflicting accounts, and the president said he would not approve the deal "
               "unless the buyers had \"total control\".\n")
    assert r.quote("total control")["speaker_id"] == r.party("Tomas Velkaric").name


def test_the_senators_or_they_after_a_group_led_by_someone_is_that_leader():
    r = read("A group of senators led by Sen. Mara Stiel (Alaska) is urging President Tomas Velkaric to reject the deal. "
             "\"We remain opposed to any deal that leaves Zentrix in control,\" the senators wrote on Wednesday.\n\n"
             "\"We are heartened that the deal still needs approval,\" the lawmakers added. \"The code must stay here,\" "
             "they wrote.\n\n"
             "Analysts at Quorvia Capital were unmoved. \"Letters change nothing,\" they said.\n")
    stiel = r.party("Mara Stiel").name
    assert [r.quote(q)["speaker_id"] for q in ("remain opposed", "heartened", "code must")] == [stiel] * 3
    assert r.quote("Letters change")["speaker_id"] != stiel  # no group led by anyone there


def test_a_noun_and_its_relative_clause_after_a_quote_are_no_attribution_but_one_of_them_said_is():
    r = read("Tomas Velkaric, a trade adviser, was less keen. Speaking on Monday, he described Zentrix as \"clearly a "
             "company that has made billions abroad,\" a line that suggested unease in the cabinet.\n\n"
             "\"We were told nothing about the sale,\" one of them said.\n")
    assert r.quote("clearly a company")["speaker_id"] == r.party("Tomas Velkaric").name
    assert not r.speech.reported["cue"].str.contains("suggested").any()
    assert r.quote("told nothing")["speaker_id"] == "unknown"


def test_it_after_a_sentence_whose_subject_is_someones_order_is_that_someone():
    r = read("Zentrix welcomed the move on Wednesday.\n\n"
             "In place of bans aimed at named firms, Velkaric's order sets out criteria for judging any app. It says the "
             "government \"should evaluate these threats through rigorous analysis.\"\n")
    assert r.quote("should evaluate")["speaker_id"] == r.party("Velkaric").name


@pytest.mark.parametrize("when", ["over the weekend", "Friday", "overnight", "shortly after the hearing"])
def test_a_verb_that_needs_a_time_after_it_to_be_speech_takes_any_phrase_of_time(when):
    r = read(f"Sen. Mara Stiel, R-Alaska, who had defended the ban, tweeted {when} that a sale would be a \"win-win\" "
             "that \"keeps data out of the hands of Zentrix.\"\n")
    assert r.quote("keeps data")["speaker_id"] == r.party("Mara Stiel").name


def test_the_company_after_an_opening_phrase_and_before_a_colon_is_the_company_that_spoke_not_the_most_named():
    r = read("Tomas Velkaric ordered Quorvia Holdings to sell Zentrix, squeezing Quorvia Holdings as Quorvia Holdings "
             "talks to buyers. Quorvia Holdings did not comment.\n\n"
             "Zentrix has said it tried to work with the government \"in good faith.\" After the first order, the "
             "company said last week: \"What we met instead was an administration that paid no attention to facts.\"\n")
    assert r.quote("What we met")["speaker_id"] == r.party("Zentrix").name


def test_a_verb_after_a_quote_with_no_subject_after_it_where_the_sentence_goes_on_is_no_attribution():
    r = read("Sen. Mara Stiel (R-Alaska), who called an earlier version of the deal \"completely unacceptable,\" has "
             "argued that anything short of a sale leaves data exposed.\n")
    assert r.quote("completely unacceptable")["speaker_id"] == r.party("Mara Stiel").name
    assert r.reported("argued")["speaker_id"] == r.party("Mara Stiel").name  # the sentence's own verb, reported speech


def test_called_governs_a_quote_after_an_object_with_abbreviations_in_it():
    r = read("Foreign ministry spokesman Tomas Velkaric last month called the U.S. pressure on Zentrix \"disguised and "
             "coercive robbery.\"\n")
    assert r.quote("coercive robbery")["speaker_id"] == r.party("Tomas Velkaric").name


def test_his_view_before_a_colon_is_the_view_of_the_man_named_before():
    r = read("Tomas Velkaric, a former ministry lawyer, said the outline raised more questions than it answered. His view "
             "was blunt: \"Nobody outside that room has seen a term sheet.\"\n")
    assert r.quote("Nobody outside")["speaker_id"] == r.party("Tomas Velkaric").name


def test_a_quote_in_a_sentence_about_an_order_is_the_orders_and_a_title_is_no_quote():
    r = read("President Mara Stiel on Wednesday revoked the orders and signed a new one. The new order, titled \"Protecting "
             "Norland's Data from Foreign Rivals,\" directs the trade ministry to act where apps present an \"undue or "
             "unacceptable risk\" to security.\n")
    assert r.quote("undue or unacceptable")["speaker_id"] == r.party("Mara Stiel").name
    assert not r.speech.quotes["text"].str.contains("Protecting").any()


def test_a_statement_after_a_line_whose_subject_is_an_institutions_fact_sheet_is_the_institutions():
    r = read("Mara Stiel revoked the orders on Wednesday.\n\n"
             "A Zentrix Holdings fact sheet sets out the change:\n\n"
             "Zentrix Holdings revoked and replaced three orders that aimed to prohibit transactions with Quorvia.\n\n"
             "Quorvia did not comment.\n")
    statement = r.speech.quotes[r.speech.quotes["kind"] == "statement"]
    assert list(statement["speaker_id"]) == [r.party("Zentrix Holdings").name]


def test_the_order_the_president_signed_is_the_presidents_not_a_judges_who_issued_an_injunction():
    r = read("Judge Alma Quorvith issued an injunction on Sunday. President Tomas Velkaric has said little since.\n\n"
             "The executive order the president signed on Aug. 6 says that \"this data collection threatens to allow "
             "access to personal information,\" and warns of blackmail.\n")
    assert r.quote("data collection")["speaker_id"] == r.party("Tomas Velkaric").name


def test_so_called_is_no_verb_of_saying():
    r = read("The Zentrix Holdings Commerce Department announced measures on Friday.\n\n"
             "In a statement released Saturday, the Norland Trade Ministry said Zentrix Holdings had used so-called "
             "security concerns to \"hunt\" firms. \"We will take necessary measures,\" the statement said.\n")
    ministry = r.party("Norland Trade Ministry").name
    assert r.quote("hunt")["speaker_id"] == ministry and r.quote("necessary measures")["speaker_id"] == ministry


def test_what_an_institution_calls_its_programme_is_naming_not_speech():
    r = read("On Aug. 5, Secretary of State Tomas Velkaric expanded what the Norland State Department calls its "
             "\u201cClean Network\u201d program, urging that \u201cuntrusted\u201d apps be removed from app stores.\n")
    assert r.quote("untrusted")["speaker_id"] == r.party("Tomas Velkaric").name
    assert r.party("Norland State Department").name not in set(r.speech.reported["speaker_id"])


def test_a_quote_in_a_sentence_about_someones_order_is_theirs():
    r = read("Zentrix welcomed the news. Mr Velkaric's order instead tells the trade minister to carry out \"evidence-based\" "
             "assessments of apps and to \"address any unacceptable or undue risks consistent with national security\".\n")
    assert r.quote("address any")["speaker_id"] == r.party("Velkaric").name


def test_a_signed_order_that_does_not_say_governs_no_short_quote():
    r = read("President Mara Stiel signed an executive order on Thursday. The order, which invokes an emergency law, "
             "doesn't say exactly which \"transactions\" will be off-limits.\n")
    assert not r.speech.quotes["text"].str.contains("transactions").any()


@pytest.mark.parametrize(("text", "quote", "speaker"), [
    # a firm "led by" its founder is no group of people: "the business" is the firm
    ('Zentrix, which is led by Mara Stiel, agreed to the terms. "We are pleased," the business said.\n', "pleased",
     "Zentrix"),
    # the signer is the name right before "signed", not the first name after the noun
    ('The order banning Zentrix that Tomas Velkaric signed says the app "captures vast swaths of information."\n',
     "vast swaths", "Tomas Velkaric"),
    # a comma outside the marks before "has argued"
    ('Mara Stiel, who called it "a disaster for our country", has argued that the deal is bad.\n', "a disaster",
     "Mara Stiel"),
])
def test_review_cases_of_groups_signers_and_sentences_going_on(text, quote, speaker):
    r = read(text)
    assert r.quote(quote)["speaker_id"] == r.party(speaker).name


def test_someone_who_discussed_the_order_did_not_sign_it():
    r = read("Tomas Velkaric discussed the order on Monday. Later, the order said \"the app must be sold.\"\n")
    assert r.quote("must be sold")["speaker_id"] != r.party("Tomas Velkaric").name


def test_declined_with_a_short_quote_before_to_is_the_decliners_words():
    r = read("Judge Mara Stiel granted the injunction. Stiel, whom Tomas Velkaric appointed, declined \"at this time\" "
             "to block a separate set of restrictions.\n")
    assert r.quote("at this time")["speaker_id"] == r.party("Mara Stiel").name


def test_a_name_with_an_accented_capital_speaks_and_its_id_is_ascii():
    r = read("\"The American story was about ownership,\" said Élise Marchetti, a policy analyst in Brussels. \"The "
             "European story is about data.\" Łukasz Nowak, a lawyer in Warsaw, agreed.\n")
    assert r.quote("American story")["speaker_id"] == r.quote("European story")["speaker_id"] == "p_elise_marchetti"
    assert r.party("Łukasz Nowak").name == "p_lukasz_nowak"


def test_stance_verbs_and_refusals_to_comment_are_reported_speech_only_with_objects_that_make_them_speech():
    r = read("Zentrix declined to comment on Friday. The Norland Trade Ministry dismissed the idea that the rules "
             "targeted one firm, and Quorvia welcomed the decision. Mara Stiel questioned whether the law would hold. "
             "A judge dismissed the case, and the app welcomed new users.\n")
    assert r.reported("declined to comment")["speaker_id"] == r.party("Zentrix").name
    assert r.reported("Ministry dismissed")["speaker_id"] == r.party("Norland Trade Ministry").name
    assert r.reported("Quorvia welcomed")["speaker_id"] == r.party("Quorvia").name
    assert r.reported("Stiel questioned")["speaker_id"] == r.party("Mara Stiel").name
    assert len(r.speech.reported) == 4  # not "A judge dismissed the case", not "the app welcomed new users"


def test_a_letter_that_reads_in_part_is_its_senders_and_party_tags_are_no_names():
    r = read("Sen. Tomas Velkaric (R-Alaska) led the letter to the president, which was also signed by Sen. Alma "
             "Quorvith (D-S.C.). It reads in part:\n\n"
             "“Any deal must keep the data outside the control of Zentrix.”\n\n"
             "Sen. Mara Stiel (D-Conn.) tweeted earlier this week that she wanted “ironclad commitments.”\n")
    assert r.quote("Any deal must")["speaker_id"] == r.party("Tomas Velkaric").name
    assert r.quote("ironclad")["speaker_id"] == r.party("Mara Stiel").name
    assert not {"R-Alaska", "D-S.C.", "D-Conn."} & set(r.world.mentions["surface"])


def test_the_secretary_of_a_named_department_is_the_person_so_titled_and_a_later_surname_is_that_person():
    r = read("Zentrix confirmed Secretary Velkaric's statement. Velkaric, for his part, went on television. \"We did "
             "get a proposal,\" the Norland Treasury Secretary told the channel. \"We will look at it,\" a Norland "
             "Treasury spokesperson said.\n")
    assert r.party("Velkaric").name == "p_velkaric" and r.party("Velkaric")["type"] == "person"
    assert len(set(r.world.mentions.loc[r.world.mentions["surface"] == "Velkaric", "stakeholder_id"])) == 1
    assert r.quote("We did get")["speaker_id"] == "p_velkaric"
    assert r.quote("We will look")["speaker_id"] == r.party("Norland Treasury").name


def test_the_24_year_old_is_the_person_named_before():
    r = read("When Mara Stiel opens Zentrix in her room in Norvik, the videos are picked by software. \"I just know it "
             "understands me,\" said the 24-year-old, who sells hijabs. \"If they take that away, nothing is left.\"\n")
    assert r.quote("understands me")["speaker_id"] == r.quote("take that away")["speaker_id"] == r.party("Mara Stiel").name


def test_a_name_after_a_quote_with_a_long_apposition_speaks_and_a_coordination_is_its_first_name():
    r = read("“I will confirm we did get a proposal,” Tomas Velkaric, the Norland treasury secretary, who chairs the "
             "Committee on Foreign Investment, the panel that vets foreign takeovers for security risks, told CNBC on "
             "Monday. Sen. Mara Stiel, R-Fla., and five other Republican senators said in a letter that “serious "
             "questions” remained.\n")
    assert r.quote("I will confirm")["speaker_id"] == r.party("Tomas Velkaric").name
    assert r.quote("serious")["speaker_id"] == r.party("Mara Stiel").name


def test_a_coordination_across_a_party_tag_and_a_title_speaks_as_its_first_name_and_sun_is_a_family_name():
    r = read("Senate Minority Leader Tomas Velkaric (D-N.Y.) and Sen. Alma Quorvith (R-Ark.) asked the director last "
             "October to assess the app, calling it \"a potential threat we cannot ignore.\" Sun Meiling, a fellow at "
             "the Norvik Institute, told CGTN that it was bad. \"Nobody wants to be first,\" she said.\n")
    assert r.quote("potential threat")["speaker_id"] == r.party("Tomas Velkaric").name
    assert r.quote("Nobody wants")["speaker_id"] == r.party("Sun Meiling").name


def test_answered_before_a_quote_attributes_it_and_a_clause_after_and_does_not():
    r = read("Asked whether Americans should download Zentrix, Secretary of State Tomas Velkaric answered: “Only if "
             "you want your data in the hands of the party.” Mara Stiel, the company’s general manager, told users "
             "that “we’re not planning on going anywhere,” and Zentrix has promised a $200 million fund.\n")
    assert r.quote("Only if you want")["speaker_id"] == r.party("Tomas Velkaric").name
    assert r.quote("going anywhere")["speaker_id"] == r.party("Mara Stiel").name


def test_a_family_name_before_a_hyphenated_given_name_is_said_alone_and_tweeted_late_attributes():
    r = read("Park Seo-yeon, an analyst at Hanbit Securities, said the pause was welcome. \"Last summer every agency "
             "was asking,\" Park said. Tomas Velkaric went further. He tweeted late Monday that the country was "
             "engaged in \"open robbery.\"\n")
    assert r.quote("Last summer")["speaker_id"] == r.party("Park Seo-yeon").name
    assert r.quote("open robbery")["speaker_id"] == r.party("Tomas Velkaric").name


def test_called_governs_a_quotation_after_a_long_object():
    r = read("In a letter to the secretary, Tomas Velkaric called any ongoing partnership that stops short of a full "
             "break from Zentrix Holdings \"completely unacceptable.\"\n")
    assert r.quote("completely unacceptable")["speaker_id"] == r.party("Tomas Velkaric").name


def test_it_after_a_sentence_whose_subject_is_an_order_is_the_orders_signer():
    r = read("Traders were left guessing after President Tomas Velkaric signed an order that could cut the app off. "
             "The Quorvia order borrows much of its language from the Zentrix one. “Like Zentrix, Quorvia captures "
             "vast swaths of information,” it says.\n")
    assert r.quote("vast swaths")["speaker_id"] == r.party("Tomas Velkaric").name


def test_a_partial_quote_after_an_infinitive_or_a_participle_is_the_governing_verbs():
    r = read("Mara Stiel, a professor, said the list was a defensive tool and that China had the legal means to "
             "respond, \"but would rather not use them.\" Tomas Velkaric, the editor-in-chief of the state-run Daily "
             "Quorvia, tweeted on Monday that regulators would not approve the deal as described, because it would "
             "endanger China's \"national security, interests and dignity.\"\n")
    assert r.quote("rather not use")["speaker_id"] == r.party("Mara Stiel").name
    assert r.quote("interests and dignity")["speaker_id"] == r.party("Tomas Velkaric").name


def test_a_verb_coordinated_by_but_speaks_as_the_verb_before():
    r = read("Tomas Velkaric said on Monday he would allow a sale, but insisted the Treasury should get \"a very "
             "large percentage\" of the price.\n")
    assert r.quote("very large percentage")["speaker_id"] == r.party("Tomas Velkaric").name


def test_an_unattributed_quote_after_a_reported_sentence_is_its_speakers():
    r = read("Tomas Velkaric, a former Zentrix executive, told staff in a letter late Wednesday that the role no "
             "longer existed.\n\n“In recent weeks, as the political environment has sharply changed, I have done "
             "significant reflection.\n\n“With this in mind, I have decided to leave the company.”\n\n"
             "Mara Stiel said he'd spent the fall building an audience elsewhere. He's not giving that up. "
             "\"I'm not moving back until somebody tells me it's over.\"\n")
    assert r.quote("In recent weeks")["speaker_id"] == r.party("Tomas Velkaric").name
    assert r.quote("With this in mind")["speaker_id"] == r.party("Tomas Velkaric").name
    assert r.quote("not moving back")["speaker_id"] == r.party("Mara Stiel").name


def test_an_opening_participle_takes_the_main_clauses_subject_and_a_crosshead_takes_no_one():
    r = read("Asked about Zentrix while in Yuma, Ariz., Tomas Velkaric was effusive.\n\n"
             "\"I think Zentrix is a great company.\"\n\n"
             "Asked whether the order changed anything, Mara Stiel laughed. \"Nothing. I'll be posting videos all "
             "summer.\"\n\nZentrix shares fell 3% on Monday.\n\nAlma Quorvith said on Monday the pause was welcome."
             "\n\n'A reset, not a pardon'\n\n"
             "Zentrix says it will appeal.\n")
    assert r.quote("great company")["speaker_id"] == r.party("Tomas Velkaric").name
    assert r.quote("posting videos")["speaker_id"] == r.party("Mara Stiel").name
    crosshead = r.speech.quotes[r.speech.quotes["text"] == "A reset, not a pardon"]
    assert crosshead.empty or crosshead["speaker_id"].iloc[0] == "unknown"


def test_orders_in_the_plural_speak_for_their_signer_but_start_no_quote_of_their_own():
    r = read("President Tomas Velkaric has signed executive orders that will ban business with Zentrix. The orders, "
             "signed on Thursday, say Zentrix \"automatically captures vast swaths of information from its users\" and "
             "warn that the data could be misused.\n\nThe filings followed a report in the Quorvia Herald that the deal "
             "under which Corvex would become Zentrix's \"trusted technology partner\" had been shelved.\n")
    assert r.quote("vast swaths")["speaker_id"] == r.party("Tomas Velkaric").name
    term = r.speech.quotes[r.speech.quotes["text"] == "trusted technology partner"]
    assert term.empty or term["speaker_id"].iloc[0] == "unknown"


def test_a_newspaper_named_before_its_noun_speaks_and_in_her_telling_is_hers():
    r = read("The state-run Quorvia Times newspaper said in an editorial on Monday that the terms reflected "
             "Washington's \"bullying style and hooligan logic,\" and suggested Beijing would balk.\n\n"
             "Mara Stiel runs an agency in Austin. In her telling, the audience \"hasn't gone anywhere yet,\" even if "
             "the brands have grown more cautious.\n")
    assert r.quote("hooligan logic")["speaker_id"] == r.party("Quorvia Times").name
    assert r.quote("gone anywhere")["speaker_id"] == r.party("Mara Stiel").name


def test_a_weekday_after_the_verb_after_a_quote_is_no_name_unread():
    r = read("Mr. Tomas Velkaric, who said Saturday he had given the deal \"my blessing,\" signaled Monday that he "
             "would not accept that arithmetic.\n")
    assert r.quote("my blessing")["speaker_id"] == r.party("Tomas Velkaric").name


def test_a_term_after_a_describing_verb_is_the_describers_and_a_noun_after_a_verb_is_no_verb():
    r = read("In a statement, Zentrix said it would hold 80% of the venture. The company dismissed as a \"baseless rumor\" "
             "reports that investors would become majority owners.\n\nCorvex, the company that owns Quorvia, said Monday that it "
             "would hold 80% of Quorvia Global, and dismissed reports that American investors would own a majority as "
             "a \"rumor.\"\n")
    assert r.quote("baseless rumor")["speaker_id"] == r.party("Zentrix").name
    assert r.quote("rumor.")["speaker_id"] == r.party("Corvex").name


def test_calling_governs_a_british_single_quote():
    r = read("The Quorvia Times, a tabloid published by the People's Daily, struck a similar note in an editorial late "
             "on Tuesday, calling the deal an ‘unpalatable gambit’ and accusing the US of extortion.\n")
    assert r.quote("unpalatable gambit")["speaker_id"] == r.party("Quorvia Times").name


def test_an_unnamed_executive_of_a_company_is_no_company_and_to_be_called_names_no_speaker():
    r = read("A Zentrix executive told the Quorvia Herald last month that the company had stopped planning around "
             "deadlines. \"We plan around court dates now,\" the executive said.\n\n"
             "- Tomas Velkaric said the new company, to be called Zentrix Global, would have \"nothing to do with "
             "China.\"\n")
    assert r.quote("court dates")["speaker_id"] != r.party("Zentrix").name
    assert r.quote("nothing to do")["speaker_id"] == r.party("Tomas Velkaric").name


def test_an_ing_verb_after_a_new_clause_speaks_as_that_clauses_subject():
    r = read("Last month Zentrix said its creator fund would grow to $1 billion, and Mara Stiel, the app's general "
             "manager, posted a video telling users: \"We're not planning on going anywhere.\"\n")
    assert r.quote("going anywhere")["speaker_id"] == r.party("Mara Stiel").name


def test_a_pronoun_in_an_aside_mid_sentence_is_the_sentences_subject_not_the_last_speaker():
    r = read("\"Investors hate uncertainty,\" Ravi Menon said.\n\n"
             "Mara Stiel was less charitable: the order, she said, was \"theatre.\"\n")
    assert r.quote("theatre")["speaker_id"] == r.party("Mara Stiel").name


def test_a_noun_after_an_adjective_is_no_verb_and_an_affiliation_closes_an_apposition():
    r = read("Judge Tomas Velkaric wrote that \"the evidence remains less substantial.\" He also found that Zentrix's "
             "other claims raised \"serious questions,\" though he did not rule on them.\n\n"
             "At a hearing Sunday morning, Zentrix's counsel, Tom Hall of Covington & Burling LLP, called the ban "
             "\"unprecedented\" and \"irrational.\"\n")
    assert r.quote("serious questions")["speaker_id"] == r.party("Tomas Velkaric").name
    assert r.quote("unprecedented")["speaker_id"] == r.party("Tom Hall").name


def test_a_name_modifying_a_title_is_no_subject_and_a_titled_possessive_opens_an_aside():
    r = read("White House press secretary Alma Quorvith did not deny the report on Wednesday, but said the "
             "administration had not taken any \"new proactive step.\"\n\n"
             "Gina Velkaric, Mr. Stiel's nominee for commerce secretary, told senators last month that she would use "
             "the department's tools \"to the fullest extent possible,\" but she has not said what she would do.\n")
    assert r.quote("proactive step")["speaker_id"] == r.party("Alma Quorvith").name
    assert r.quote("fullest extent")["speaker_id"] == r.party("Gina Velkaric").name


def test_a_person_is_no_apposition_of_a_company_and_but_after_a_quote_opens_a_new_clause():
    r = read("President Tomas Velkaric said the companies would be making \"about a $5 billion contribution toward "
             "education,\" but Zentrix Inc. said in a post that it had first heard of such a fund in the news. Zentrix Inc., the "
             "president said, would \"have nothing to do with it.\"\n")
    assert r.quote("nothing to do with it")["speaker_id"] == r.party("Tomas Velkaric").name
    assert r.quote("billion contribution")["speaker_id"] == r.party("Tomas Velkaric").name


def test_an_order_is_its_signers_when_he_signed_it_and_a_law_adopted_on_a_date_by_a_body_is_the_bodys():
    r = read("President Tomas Velkaric's campaign against Zentrix went from threat to paperwork late Thursday, when he "
             "signed a pair of executive orders that will bar business with Corvex, the company that owns the app.\n\n"
             "The Zentrix order rests on a 1977 law. It says the app \"automatically captures vast swaths of "
             "information from its users.\"\n\nThe law, adopted Oct. 17 by the Quorvian Assembly, covers military, "
             "nuclear and \"dual-use\" items. It says the country \"may take reciprocal measures\" against others.\n")
    assert r.quote("vast swaths")["speaker_id"] == r.party("Tomas Velkaric").name
    assert r.quote("reciprocal measures")["speaker_id"] == r.party("Quorvian Assembly").name
    term = r.speech.quotes[r.speech.quotes["text"] == "dual-use"]
    assert term.empty or term["speaker_id"].iloc[0] == "unknown"


def test_its_statement_and_part_of_it_read_are_the_owners_and_the_former_chairman_is_the_person_before():
    r = read("Zentrix Inc. says it has teamed with Corvex on a bid. The retail giant confirmed the pairing Thursday "
             "morning. Here is its statement:\n\nWe believe a partnership would add this key functionality.\n\n"
             "Zentrix's interim head, Mara Stiel, welcomed the plan in a statement posted to Twitter. Part of it read:\n\n"
             "We are pleased that the proposal will resolve the security concerns.\n\n"
             "Zentrix shares rose 2% on the news.\n\nTomas Velkaric is done with Zentrix.\n\n"
             "The former chairman of Corvex's streaming division told "
             "employees on Wednesday night that he was resigning, pinning the decision on a \"political environment\" "
             "that \"has sharply changed\" since he signed on.\n")
    assert r.quote("key functionality")["speaker_id"] == r.party("Zentrix Inc.").name
    assert r.quote("We are pleased")["speaker_id"] == r.party("Mara Stiel").name
    assert r.quote("sharply changed")["speaker_id"] == r.party("Tomas Velkaric").name


def test_a_quote_after_a_paragraph_of_quotations_is_their_speakers_and_the_spokeswoman_is_the_one_who_spoke():
    r = read("Consultant Mara Stiel said the accounts could not both be true.\n\n"
             "'Everyone is describing a different deal,' she said. 'Corvex says Zentrix will own nothing, and the "
             "President says he won't sign unless it's the first version.\n\n"
             "'They can't all be right, and the one party Washington cannot overrule is Beijing.'\n\n"
             "\"We firmly oppose the decision,\" said Alma Quorvith, spokesperson of the embassy, in a separate "
             "statement.\n\nThe spokeswoman said the government had always required companies to abide by the rules, "
             "and urged India to \"rectify the discriminatory practices violating WTO rules.\"\n")
    assert r.quote("all be right")["speaker_id"] == r.party("Mara Stiel").name
    assert r.quote("rectify the discriminatory")["speaker_id"] == r.party("Alma Quorvith").name


def test_the_state_republican_is_the_legislator_named_before_not_a_party_of_its_own():
    # AP style: "Sen. X" first, then "the Florida Republican"; the senator, not the president named in between
    r = read("Sen. Tomas Velkaric and five other Republican senators urged President Alma Quorvith to reject the deal.\n\n"
             "In a letter to Quorvith dated Wednesday, the Eastvale Republican wrote that \"serious questions\" remained.\n\n"
             "Rep. Ines Obrandt wrote to Zentrix on Monday. \"Any deal that fails to sever all links is unacceptable,\" "
             "the Texas Democrat wrote.\n")
    assert r.quote("serious questions")["speaker_id"] == r.party("Tomas Velkaric").name
    assert r.quote("sever all links")["speaker_id"] == r.party("Ines Obrandt").name
    assert not r.world.parties["name"].str.contains("Republican|Democrat").any()


@pytest.mark.parametrize("dash", ["-", "–"])
def test_a_name_in_an_of_phrase_after_an_open_compound_modifier_is_not_the_subject(dash):
    # "Hu Xijin, the editor of the Communist Party–run Global Times, tweeted:" (an en dash after an open compound)
    r = read(f"Tomas Velkaric, the editor of the Northland Party{dash}run Eastvale Times, tweeted: “Stop extorting.”\n")
    assert r.quote("Stop extorting")["speaker_id"] == r.party("Tomas Velkaric").name
    surfaces = set(r.world.mentions["surface"])
    assert "Eastvale Times" in surfaces and not any("run" in s for s in surfaces)


@pytest.mark.parametrize(("text", "expected"), [
    ("He agreed to put '$5 billion into a fund' on Saturday.", [("'$5 billion into a fund'", 0, True)]),
    ("'It is over,' he said. 'Nobody will sign it.", [("'It is over,'", 0, True), ("'Nobody will sign it.", 0, False)]),
    ("The '90s were kind to 'em, he said.", []),  # elisions, not quotations
    ("\"It is over,\" he said. 'Nobody will sign it.\"", [('"It is over,"', 0, True), ("'Nobody will sign it.\"", 0, True)]),
    ("It said the order 'was issued without due process\", and that it would sue.",
     [("'was issued without due process\"", 0, True)]),  # a single mark closed by a double one, as typed
])
def test_british_single_marks_open_before_a_currency_and_run_on_when_they_open_a_sentence(text, expected):
    assert spans(text) == expected


def test_a_british_quotation_over_three_paragraphs_keeps_its_middle_and_its_speaker():
    r = read("Consultant Tomas Velkaric said the accounts could not both be true.\n\n"
             "'Everyone is describing a different deal,' he said. 'Zentrix says Corvex will own nothing, and the "
             "President says he won't sign unless it's the first version.\n\n"
             "'They can't all be right.'\n")
    assert r.quote("Zentrix says Corvex")["speaker_id"] == r.party("Tomas Velkaric").name


def test_a_term_after_a_describing_verb_is_the_describers_across_abbreviations_and_after_an_article():
    r = read("Tomas Velkaric, editor of the Eastvale Times, went further, describing the demand that the U.S. Treasury "
             "receive a cut of any sale as “open robbery.”\n\n"
             "Alma Quorvith branded Zentrix's chief executive, former Corvex boss Ines Obrandt, a \"puppet\" on Friday.\n\n"
             "The plan needs a \"working group\" by Monday.\n")
    assert r.quote("open robbery")["speaker_id"] == r.party("Tomas Velkaric").name
    assert r.quote("puppet")["speaker_id"] == r.party("Alma Quorvith").name
    assert "working group" not in " ".join(r.speech.quotes["text"])  # an article with no describing verb: a term


TRANSCRIPT = ("Zentrix drops its appeal\n\n"
              "INES OBRANDT: Good morning. Zentrix gave up its appeal yesterday. Northwave's Tomas Velkaric has more.\n\n"
              "TOMAS VELKARIC: The company filed on Monday. Alma Quorvith follows the firm for Larchmont Capital.\n\n"
              "ALMA QUORVITH: This takes the worst case off the table. Nobody will wake up to find the app gone.\n\n"
              "VELKARIC: The deal looks dead.\n\n"
              "QUORVITH: The app is fine. The question has moved from 'Who owns it?' to 'Who sees the data?'\n\n"
              "VELKARIC: I'm Tomas Velkaric, for Northwave.\n")


def test_a_transcript_guests_turns_are_their_statements_and_the_outlets_people_read_the_story():
    r = read(TRANSCRIPT)
    q = r.speech.quotes
    guest = r.party("Alma Quorvith").name
    assert list(q["speaker_id"]) == [guest, guest] and set(q["kind"]) == {"statement"}
    assert q["text"].str.startswith(("This takes", "The app is fine")).all()  # the label is not the statement
    ids = r.world.mentions.set_index("surface")["stakeholder_id"]
    assert r.party("Tomas Velkaric")["type"] == "person" and ids["Quorvith"] == guest  # one party, not "QUORVITH"


@pytest.mark.parametrize("text", [
    "Zentrix drops its appeal\n\nWATCH: Why the deal stalled\n\nREAD MORE: The ruling\n\nRELATED: The filing\n\n"
    "The company said nothing.\n",
    "Zentrix drops its appeal\n\nISLAMABAD: The regulator blocked the app.\n\nNEW DELHI: India agreed.\n\n"
    "BEIJING: China objected.\n",
])
def test_labels_of_links_and_datelines_make_no_transcript(text):
    assert read(text).speech.quotes.empty


def test_thanks_govern_a_quote_and_a_town_with_its_state_stays_inside_an_aside():
    r = read("In a video posted to the app, Alma Quorvith, the general manager of Zentrix's U.S. business, thanked "
             "them for their “outpouring of support” and made a promise.\n\n"
             "Tomas Velkaric, 24, who posts cooking videos from Columbus, Ohio, dismissed the threat as “politics,” "
             "arguing that the app would not vanish.\n\n"
             "Thanks to the ruling, the app stays.\n")
    assert r.quote("outpouring of support")["speaker_id"] == r.party("Alma Quorvith").name
    assert r.quote("politics")["speaker_id"] == r.party("Tomas Velkaric").name
    assert not r.speech.reported["cue"].str.startswith("Thanks").any()


def test_a_filing_introduced_by_in_filings_is_the_subject_after_the_phrase_and_according_to_it_is_not_the_subject():
    r = read("In filings with the Court of Appeals for the Eastvale Circuit and the Third Circuit, Zentrix Department "
             "lawyers asked the judges to pause the appeals.\n\n"
             "The Corvex Department, according to the filing, plans to evaluate “the underlying record” before it "
             "decides.\n")
    assert r.quote("the underlying record")["speaker_id"] == r.party("Zentrix Department").name


def test_the_authority_is_the_body_named_only_inside_the_quotation_before_it():
    r = read("Eastvale’s telecommunications regulator yesterday blocked Zentrix.\n\n"
             "“In view of complaints, Eastvale Telecommunication Authority has issued instructions for blocking the "
             "application,” the authority said in a statement.\n\n"
             "The regulator said it had issued a “final notice” to the app. The authority added that it remained "
             "“open for engagement”.\n")
    body = r.party("Eastvale Telecommunication Authority").name
    assert r.quote("In view of complaints")["speaker_id"] == body
    assert r.quote("final notice")["speaker_id"] == body and r.quote("open for engagement")["speaker_id"] == body


def test_a_verb_after_a_quotation_in_a_clause_of_its_own_does_not_attribute_it():
    # '… citing "recent positive developments," after President X said … his "blessing."': the after-clause is X's
    r = read("The Zentrix Department pushed the ban back a week, citing \"recent positive developments,\" after "
             "President Tomas Velkaric said on Sept. 19 that he had given the deal his \"blessing.\"\n")
    assert r.quote("recent positive")["speaker_id"] == r.party("Zentrix Department").name
    assert r.quote("blessing")["speaker_id"] == r.party("Tomas Velkaric").name


def test_a_verb_coordinated_after_a_time_phrase_shares_the_subject_of_the_verbs_before():
    r = read("Within weeks Tomas Velkaric had signed two orders, set deadlines, demanded a cut of any sale, and then, "
             "in September, announced that he had given a deal involving Zentrix his “blessing.”\n")
    assert r.quote("blessing")["speaker_id"] == r.party("Tomas Velkaric").name


def test_words_of_approval_are_the_approvers():
    r = read("The deal Tomas Velkaric blessed \"in concept\" last September was never completed.\n\n"
             "That plan won President Alma Quorvith's approval “in principle” on Sept. 19.\n\n"
             "Zentrix approved the merger “with conditions” on Friday.\n")
    assert r.quote("in concept")["speaker_id"] == r.party("Tomas Velkaric").name
    assert r.quote("in principle")["speaker_id"] == r.party("Alma Quorvith").name
    assert r.quote("with conditions")["speaker_id"] == r.party("Zentrix").name


def test_a_named_telling_a_given_blessing_and_the_expert_are_the_persons():
    r = read("Tomas Velkaric, a lawyer in Eastvale, spoke on Monday. In Velkaric's telling, the rule amounts to "
             "\"a slow-motion shutdown,\" because the app will stop working.\n\n"
             "Then-President Alma Quorvith gave the Zentrix arrangement her “blessing” in September.\n\n"
             "Ines Obrandt, a senior fellow at the Eastvale Centre, told reporters the dispute would go on. \"The "
             "Northland side has many instruments,\" the expert said.\n")
    assert r.quote("slow-motion")["speaker_id"] == r.party("Tomas Velkaric").name
    assert r.quote("blessing")["speaker_id"] == r.party("Alma Quorvith").name
    assert r.quote("many instruments")["speaker_id"] == r.party("Ines Obrandt").name


def test_the_company_after_a_line_introducing_a_companys_statement_is_that_company():
    r = read("Zentrix was the talk of the week, and Corvex wanted in.\n\n"
             "Corvex's statement is worth reading closely, because it says more about Corvex than about Zentrix:\n\n"
             "\"The way Zentrix has integrated commerce is a clear benefit to creators,\" the company said. \"We believe "
             "a relationship would add this functionality.\"\n")
    assert r.quote("The way Zentrix")["speaker_id"] == r.party("Corvex").name


def test_in_his_words_is_according_to_him():
    r = read("Spokesman Tomas Velkaric told a briefing that the sanctions were wrong. Such practices, in his words, have "
             "no legal basis and \"go against the basic principles of market economy.\"\n\n"
             "Her words were chosen with care.\n")
    assert r.quote("basic principles")["speaker_id"] == r.party("Tomas Velkaric").name
    assert not r.speech.reported["cue"].str.contains("Her words").any()  # only "in his/her/its/their words"


@pytest.mark.parametrize(("text", "quote", "speaker"), [
    # a description with a city and its state before the head
    ("Zentrix Corp. wants the deal. In a statement, the Dallas, Texas, company said:\n\n"
     "We believe the merger with Orlan is a clear benefit to every user.\n", "We believe the merger", "p_zentrix"),
    # "In a notice posted …, the department said": the notice read later is the department's
    ("The Ports Department said Thursday it will not enforce the rules.\n\nIn a notice posted to the Federal Register, "
     "the department said it was complying with an injunction. The notice, which used capital letters, read in part:\n\n"
     "The Department is complying with the terms of this Order and will act.\n", "The Department is complying",
     "p_ports_department"),
    # "The Ninth Circuit filing": filed with the court, by whoever filed it
    ("The Justice Department asked two appeals courts on Wednesday to pause the case.\n\nIn motions filed with the U.S. "
     "Court of Appeals for the Ninth Circuit, the Justice Department said the review had begun. The Ninth Circuit filing "
     "reads, in part:\n\nAs the administration has taken office, the Department of Ports has begun a review of certain "
     "actions.\n", "As the administration", "p_justice_department"),
    # what an order directs, in quoted words, is its signer's
    ("President Alma Quorvith on Wednesday signed an order replacing three older ones. It directs the Ports Department "
     "to review apps tied to rivals and to “take action, as appropriate.”\n", "take action", "p_alma_quorvith"),
    # "the two ministries": the ministries named together, the first of them
    ("The Ports Ministry and the Ministry of Science on Friday published a revised catalogue. The two ministries said "
     "the changes were meant to “formalize the management of exports” and named no firm.\n", "formalize the management",
     "p_ports_ministry"),
    # "The department's notice … It said:": the department's
    ("The reprieve came a day after the Ports Department conceded that it could not switch off the services. The rules "
     "were blocked on October 30 by Judge Wendy Orlov. She wrote that the threat was “phrased in the hypothetical”.\n"
     "The department's notice on Thursday was blunt. It said: “this serves as NOTICE that the ban HAS BEEN ENJOINED.”\n",
     "this serves", "p_ports_department"),
])
def test_documents_descriptions_and_directives_speak_for_whoever_issued_them(text, quote, speaker):
    assert read(text).quote(quote)["speaker_id"] == speaker


def test_a_notice_from_a_body_is_that_bodys_not_the_last_speakers():
    r = read("Tomas Velkaric and Alma Quorvith, who lead Zentrix, said the firm had hoped for better. \"Seven months "
             "later, it has not been the case,\" they wrote.\n\nThe decision follows a fresh notice from the Ministry of "
             "Ports earlier this month, which told the companies that the ban would continue.\n\nIn a statement, a Zentrix "
             "spokesperson said the company had worked \"steadfastly\" to comply. \"It is therefore disappointing that we "
             "have no clear direction,\" the spokesperson said.\n")
    assert r.quote("It is therefore")["speaker_id"] == "p_zentrix"


def test_an_order_after_a_president_directed_is_that_presidents():
    r = read("Federal judges blocked the restrictions last fall. In their place, Ms. Alma Quorvith directed Ports "
             "Secretary Gina Orlov to evaluate apps tied to rivals. The order also calls for recommendations. “The Federal "
             "Government should evaluate these threats through rigorous analysis,” the order says.\n")
    assert r.quote("The Federal Government")["speaker_id"] == "p_alma_quorvith"


@pytest.mark.parametrize("quote", [
    "\"The company is saying, 'We did everything you asked, and you went silent,'\" Velkaric said.\n",
    "“The company is saying, ‘We did everything you asked.’” Velkaric said.\n",
])
def test_a_quotation_ending_in_a_quotation_is_attributed_as_any_other(quote):
    r = read("Tomas Velkaric, a partner at the law firm Hollis & Brandt, said the petition was about time.\n\n" + quote)
    assert r.quote("The company is saying")["speaker_id"] == "p_tomas_velkaric"


def test_a_hong_kong_name_is_said_alone_by_its_family_name():
    r = read("Winston Lau Ka-ming, a partner at the law firm Hollis & Brandt, said the petition was about time.\n\n"
             "\"A court case freezes the board,\" Lau said.\n")
    assert r.quote("A court case")["speaker_id"] == "p_winston_lau_ka_ming"


def test_a_title_may_stand_between_with_and_the_subject_of_its_participle():
    r = read("The Foreign Ministry struck a sharper tone, with spokesperson Wang Wenbin urging Washington to stop "
             "\"abusing state power to suppress technology firms.\"\n")
    assert r.quote("abusing state")["speaker_id"] == "p_wang_wenbin"


def test_a_quoted_clause_in_a_sentence_with_no_verb_of_speech_is_its_subjects():
    r = read("The Ports Department, which on Friday had ordered the app pulled from stores, delayed that ban by a week, "
             "\"in light of recent positive developments.\"\n")
    assert r.quote("in light of recent")["speaker_id"] == "p_ports_department"


def test_a_tweet_is_the_posters_words():
    r = read("Rivals have been rooting for the app. Zentrix head Alma Quorvith tweeted after the announcement that a ban "
             "\"would be quite bad for the internet more broadly.\"\n")
    assert r.quote("would be quite bad")["speaker_id"] == "p_alma_quorvith"


def test_a_directive_with_an_apposition_in_its_object_still_governs():
    r = read("President Alma Quorvith on Wednesday signed an order replacing three older ones. In their place, it "
             "instructs the Ports Department, now led by Gina Orlov, to review software and to “take action, as "
             "appropriate.”\n")
    assert r.quote("take action")["speaker_id"] == "p_alma_quorvith"


def test_a_subject_that_went_on_to_say_still_says_it():
    r = read("Zentrix Corp. said it was shocked by the order. The company went on to say that it would “pursue all "
             "remedies available” to protect its users.\n")
    assert r.quote("pursue all remedies")["speaker_id"] == "p_zentrix"


def test_a_spokesperson_after_a_line_about_a_body_speaks_for_it():
    r = read("Zentrix Corp. said it was shocked by the order. Orlan Inc. was more guarded. “We are reviewing the order "
             "to get a full understanding,” a spokesperson said.\n")
    assert r.quote("We are reviewing")["speaker_id"] == "p_orlan"


def test_the_government_is_the_body_that_just_spoke_for_it():
    r = read("In filings with the appeals court, Justice Department lawyers said the Ports Department was reviewing the "
             "rules.\n\n\"The Department of Ports has begun a review of certain agency actions,\" the government wrote.\n")
    assert r.quote("The Department of Ports has begun")["speaker_id"] == "p_justice_department"


def test_a_line_in_capitals_is_a_link_not_an_antecedent():
    r = read("Zentrix Corp. won an injunction on Sunday.\n\nORLAN SAYS IT WILL BUY THE ZENTRIX UNIT\n\nGovernment lawyers "
             "countered that the president has broad power.\n\n“We’re pleased that the court agreed with us,” the company "
             "said in a statement.\n")
    assert r.quote("pleased that the court")["speaker_id"] == "p_zentrix"


@pytest.mark.parametrize(("text", "quote"), [
    ("The Ports Ministry on Saturday released the long-awaited provisions on its entity list.\n\nThe provisions, which "
     "took effect immediately, target foreign entities that \"endanger national sovereignty and security,\" as well as "
     "others, according to the document.\n", "endanger national"),
    ("The Ports Ministry has published rules for an entity list.\n\nUnder the rules, foreign firms can be targeted if "
     "they harm \"the nation's sovereignty and development interests\" or violate \"accepted trade rules\".\n",
     "sovereignty and development"),
    ("The Ports Ministry has published rules for an entity list.\n\nThe rules target foreign firms that harm \"the "
     "nation's sovereignty and development interests.\"\n", "sovereignty and development"),
])
def test_rules_a_body_published_speak_for_it(text, quote):
    assert read(text).quote(quote)["speaker_id"] == "p_ports_ministry"


def test_a_document_published_alongside_an_order_did_not_publish_it():
    r = read("President Alma Quorvith on Wednesday signed an order replacing three older ones.\n\nThe White House "
             "explained the change in a fact sheet published alongside the order:\n\nThe President revoked three orders."
             "\n\nThe order itself says the government \"should evaluate these threats through rigorous analysis.\"\n")
    assert r.quote("should evaluate")["speaker_id"] == "p_alma_quorvith"


def test_advice_with_a_long_object_still_governs_its_quote():
    r = read("Tomas Velkaric, a ministry spokesman, spoke on Thursday. He advised companies whose trade, investment or "
             "technical cooperation abroad involves listed items to consult the authorities \"in a timely manner\".\n")
    assert r.quote("in a timely manner")["speaker_id"] == "p_tomas_velkaric"


def test_an_excerpt_of_a_fact_sheet_runs_on_in_its_third_person_until_the_story_speaks_again():
    r = read("President Alma Quorvith revoked three orders on Wednesday.\n\nThe White House set out its reasoning in a "
             "fact sheet:\n\nThe Administration is committed to an open and secure Internet.\n\nCertain countries do not "
             "share these values and seek to leverage Americans' data in ways that present risks.\n\nZentrix did not "
             "comment.\n\nWhy it matters\n\nThe rules are broad.\n")
    texts = [q["text"][:20] for q in r.speech.quotes.to_dict("records")]
    assert texts == ["The Administration i", "Certain countries do"]
    assert set(r.speech.quotes["speaker_id"]) == {"us_administration"}


def test_an_order_is_by_whoever_the_nearest_sentence_says_signed_or_directed_it():
    r = read("Former President Tomas Velkaric's order of August was revoked on Wednesday.\n\nIn its place, President "
             "Alma Quorvith directed the Ports Secretary to evaluate apps tied to rivals. The order also calls for "
             "recommendations. “The Federal Government should evaluate these threats,” the order says.\n")
    assert r.quote("The Federal Government")["speaker_id"] == "p_alma_quorvith"


def test_senators_counted_as_a_group_speak_through_their_leader():
    r = read("Senate Republicans are lining up against the proposal. Six GOP senators, led by Tomas Velkaric of Florida, "
             "told the president in a letter Wednesday that they “remain opposed to any deal that would allow Zentrix to "
             "retain the code.”\n")
    assert r.quote("remain opposed")["speaker_id"] == "p_tomas_velkaric"


@pytest.mark.parametrize("quote", [
    "\"What if you could just quickly purchase that item?\" McMillon said in an interview with CNBC.\n",
    "\"Could you buy it?\" McMillon asked.\n",
    "“Who would want that!” McMillon said.\n",
])
def test_a_question_or_exclamation_is_attributed_by_the_clause_after_its_mark(quote):
    r = read("Walmart (WMT) CEO Doug McMillon made his case on Thursday. " + quote)
    assert r.speech.quotes["speaker_id"].tolist() == ["p_doug_mcmillon"]


@pytest.mark.parametrize("text", [
    "President Alma Quorvith on Wednesday revoked the orders of her predecessor and ordered a broader review.\n\n"
    "The new order, signed Wednesday morning, withdraws the two orders Tomas Velkaric issued in August, as well as a "
    "January order that targeted eight other apps.\n\n\"Agencies should weigh each threat with evidence,\" the order says.\n",
    "On Wednesday, her successor tore up the paperwork. An executive order signed by President Alma Quorvith revoked "
    "Tomas Velkaric's August orders, along with a January order aimed at eight other apps. Ports officials are to weigh "
    "apps through what the new order calls \"rigorous, evidence-based analysis,\" according to a fact sheet.\n",
])
def test_the_order_a_sentence_has_for_its_subject_is_the_one_taken_up_not_the_orders_it_withdraws(text):
    r = read(text)
    assert r.quote("evidence")["speaker_id"] == "p_alma_quorvith"


@pytest.mark.parametrize("aside", ["of the firm Orlov & Stiel", "of Orlov Partners", "at Orlov Partners LLP"])
def test_a_name_in_an_aside_opening_on_of_or_at_is_not_the_subject(aside):
    r = read(f"At a hearing on Sunday, Zentrix's lawyer Tomas Velkaric, {aside}, called the ban “unprecedented”.\n")
    assert r.quote("unprecedented")["speaker_id"] == "p_tomas_velkaric"


def test_a_participle_after_a_second_clause_is_that_clauses_subjects():
    r = read("The Senate on Thursday unanimously passed a bill from Sen. Tomas Velkaric that would ban Zentrix on government "
             "devices, and Secretary of State Alma Quorvith on Wednesday widened the administration’s “Clean Network” "
             "initiative, urging U.S. companies to pull “untrusted” Chinese apps from their app stores.\n")
    assert r.quote("untrusted")["speaker_id"] == "p_alma_quorvith"
