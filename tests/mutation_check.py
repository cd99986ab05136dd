"""Break each safety rule on purpose, in a scratch copy, and check that the tests notice.

A test that passes while the behaviour it names is broken protects nothing. For every
rule below this script copies the package and the tests to a temporary folder, applies
one small change that breaks the rule (the *mutant*), runs the few tests that claim to
guard it, and expects them to fail. A mutant that survives is reported and the script
exits 1; so does a mutant whose code no longer exists (update it with the code).

    .venv/bin/python tests/mutation_check.py            # every mutant, about 3-4 minutes
    .venv/bin/python tests/mutation_check.py -k restore # only mutants whose name matches
    .venv/bin/python tests/mutation_check.py --list

It never touches the working copy. It is not collected by pytest (its name does not
start with test_) because it runs the suite itself, many times.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PER_MUTANT_TIMEOUT = 600
"""Seconds; a mutant that makes a guarded test hang is caught by the test's own bound first."""

STORE_FAULTS = "tests/foundation/test_store_faults.py"
BACKUP = "tests/contacts_io/test_backup.py"
CSV_FAULTS = "tests/contacts_io/test_csv_faults.py"
DAY_ONE = "tests/day_one/test_day_one_desk.py"


@dataclass(frozen=True)
class Mutant:
    name: str
    file: str
    old: str
    new: str
    tests: tuple[str, ...]
    env: dict[str, str] = field(default_factory=dict)


MUTANTS = [
    # The desk's own files.
    Mutant("empty desk file read as a new desk", "givedesk/store.py",
           'raise _Damaged("the file is empty: damaged, since givedesk never writes an empty file")',
           "return {}",
           (f"{STORE_FAULTS}::test_an_empty_desk_file_is_a_damaged_desk_and_the_newest_backup_is_named",)),
    Mutant("tables not checked to be objects", "givedesk/store.py",
           "        if not isinstance(table, dict):", "        if False:",
           (f"{STORE_FAULTS}::test_a_desk_with_a_record_of_the_wrong_shape_is_refused_in_one_line",)),
    Mutant("records not checked to be objects", "givedesk/store.py",
           "            if not isinstance(document, dict):", "            if False:",
           (f"{STORE_FAULTS}::test_a_desk_with_a_record_of_the_wrong_shape_is_refused_in_one_line",)),
    Mutant("a record of the wrong type is a traceback", "givedesk/store.py",
           "        except msgspec.ValidationError as error:\n            key = ",
           "        except ZeroDivisionError as error:\n            key = ",
           (f"{STORE_FAULTS}::test_a_desk_with_a_record_of_the_wrong_shape_is_refused_in_one_line",)),
    Mutant("deep nesting in desk.json is a traceback", "givedesk/store.py",
           "    except RecursionError:\n        raise _Damaged",
           "    except ZeroDivisionError:\n        raise _Damaged",
           (f"{STORE_FAULTS}::test_a_deeply_nested_desk_is_refused_in_one_line",)),
    Mutant("a failed write is not reported as the desk's", "givedesk/store.py",
           "        except OSError as error:\n            self.rollback()",
           "        except ZeroDivisionError as error:\n            self.rollback()",
           (f"{STORE_FAULTS}::test_a_full_disk_refuses_writes_in_one_line_and_reads_still_work",
            f"{BACKUP}::test_a_full_disk_at_the_final_write_leaves_the_desk_as_it_was")),
    Mutant("a failed daily backup stops the command", "givedesk/store.py",
           "            except OSError as error:\n                # Reading the desk",
           "            except ZeroDivisionError as error:\n                # Reading the desk",
           (f"{STORE_FAULTS}::test_a_full_disk_refuses_writes_in_one_line_and_reads_still_work",)),
    Mutant("daily backups never pruned", "givedesk/store.py",
           '                prune(folder, "desk-*.json", BACKUPS_KEPT)', "                pass",
           ("tests/foundation/test_store.py::test_one_backup_a_day_and_only_the_last_seven_kept",)),
    Mutant("a damaged news cache blocks every command", "givedesk/store.py",
           "on_damage=self._set_damaged_cache_aside)", "on_damage=None)",
           (f"{STORE_FAULTS}::test_a_damaged_news_cache_is_moved_aside_and_rebuilt",)),
    Mutant("an OSError reaching the command line is a traceback", "givedesk/cli/__init__.py",
           "    except OSError as error:\n        # The machine refused",
           "    except ZeroDivisionError as error:\n        # The machine refused",
           (f"{STORE_FAULTS}::test_a_read_only_data_folder_refuses_writes_in_one_line_and_still_reads",)),
    # Restore.
    Mutant("restore reads any size", "givedesk/errors.py",
           "        if max_bytes is not None and info.st_size > max_bytes:",
           "        if False:",
           (f"{BACKUP}::test_a_huge_backup_is_refused_before_it_is_read",)),
    Mutant("restore reads devices and pipes", "givedesk/errors.py",
           "not (stat.S_ISREG(info.st_mode) or stat.S_ISDIR(info.st_mode))", "False",
           (f"{BACKUP}::test_a_link_to_dev_zero_is_refused_without_reading_it",)),
    Mutant("deep nesting in a backup is a traceback", "givedesk/backup.py",
           "    except RecursionError:", "    except ZeroDivisionError:",
           (f"{BACKUP}::test_deep_nesting_is_refused_in_one_line_quickly",)),
    Mutant("restore takes any cadence", "givedesk/backup.py",
           "if item.cadence_days is not None and not 1 <= item.cadence_days <= MAX_CADENCE_DAYS:",
           "if False:",
           (f"{BACKUP}::test_values_that_would_break_later_commands_are_refused_naming_the_record",)),
    Mutant("restore takes timestamps without a zone", "givedesk/backup.py",
           "if isinstance(value, datetime) and value.utcoffset() is None:", "if False:",
           (f"{BACKUP}::test_values_that_would_break_later_commands_are_refused_naming_the_record",)),
    Mutant("restore takes any link", "givedesk/backup.py",
           '        if spec.name == "link":\n            check_link(value)',
           '        if spec.name == "link":\n            pass',
           (f"{BACKUP}::test_values_that_would_break_later_commands_are_refused_naming_the_record",)),
    Mutant("restore takes a nameless contact", "givedesk/backup.py",
           "        if not item.name:", "        if False:",
           (f"{BACKUP}::test_values_that_would_break_later_commands_are_refused_naming_the_record",)),
    Mutant("restore takes queue items for nobody", "givedesk/backup.py",
           "    _check_people_exist(path, records)\n", "",
           (f"{BACKUP}::test_values_that_would_break_later_commands_are_refused_naming_the_record",)),
    Mutant("restore keeps control characters in contacts", "givedesk/backup.py",
           "            item = clean_contact(item)", "            pass",
           (f"{BACKUP}::test_restore_cleans_control_characters_from_contacts",)),
    Mutant("restore is not all or nothing", "givedesk/backup.py",
           "    with store.desk.transaction():\n        current = snapshot(store)",
           "    if True:\n        current = snapshot(store)",
           (f"{BACKUP}::test_a_failure_during_restore_leaves_the_desk_as_it_was",)),
    Mutant("pre-restore copies never pruned", "givedesk/backup.py",
           '            prune(store.paths.backup_dir, "pre-restore-*.json", PRE_RESTORE_KEPT)',
           "            pass",
           (f"{BACKUP}::test_replacing_keeps_only_the_newest_pre_restore_copies",)),
    # Contacts files.
    Mutant("no 128 MB cap on imports", "givedesk/contacts_io/base.py",
           'read_user_file(path, max_bytes=MAX_FILE_BYTES, what="contacts file")',
           "read_user_file(path)",
           (f"{CSV_FAULTS}::test_a_file_over_the_size_cap_is_refused_before_reading",)),
    Mutant("a huge cell is imported", "givedesk/contacts_io/csv_read.py",
           "        if longest > MAX_CELL_CHARS:", "        if False:",
           (f"{CSV_FAULTS}::test_a_huge_cell_skips_its_row_and_the_rest_import",)),
    Mutant("a huge cell ends the import", "givedesk/contacts_io/csv_read.py",
           "    previous = csv.field_size_limit(MAX_FILE_BYTES)",
           "    previous = csv.field_size_limit()",
           (f"{CSV_FAULTS}::test_a_huge_cell_skips_its_row_and_the_rest_import",)),
    Mutant("a mixed file is read as Latin-1", "givedesk/contacts_io/base.py",
           "    if not any_utf8:", "    if True:",
           (f"{CSV_FAULTS}::test_a_mostly_utf8_file_is_decoded_line_by_line_and_the_fallback_reported",)),
    Mutant("repeated columns accepted", "givedesk/contacts_io/csv_read.py",
           "        _refuse_repeated_columns(table)\n", "",
           (f"{CSV_FAULTS}::test_a_repeated_header_column_is_refused_naming_it",)),
    # The terminal.
    Mutant("any link is opened", "givedesk/tui/screens/today.py",
           '    return bool(link) and urlsplit(link or "").scheme.casefold() in ("http", "https")',
           "    return True",
           ("tests/tui/test_today.py::test_enter_previews_and_o_opens_only_web_links",)),
    Mutant("titles are live markup", "givedesk/tui/screens/today.py",
           '    article = Text(item.title, no_wrap=True, overflow="ellipsis")',
           '    article = Text.from_markup(item.title, overflow="ellipsis")',
           ("tests/tui/test_untrusted_text.py::test_clicking_hostile_text_runs_no_action",)),
    Mutant("sort stops after one press", "givedesk/tui/screens/contacts.py",
           "        self.sort_index = (self.sort_index + 1) % len(self.sorts())",
           "        self.sort_index = 1",
           ("tests/tui/test_contacts.py::test_sort_cycles",)),
    # The day-one desk (#23).
    Mutant("a company named with a common word counts for the thing", "givedesk/matching/service.py",
           "                if pair.lexical is not None and names_only_a_word(pair.lexical, source):",
           "                if False:",
           (f"{DAY_ONE}::test_a_company_named_with_a_common_word_is_mentioned_only_by_news_of_it",)),
    Mutant("the thing is taken for the company", "givedesk/matching/company_sense.py",
           "    return float(rest_vector @ business) > ABOUT_COMPANY", "    return True",
           ("tests/day_one/test_company_words.py::test_every_labelled_story_is_told_right",)),
    Mutant("a role's field with two senses is not searched", "givedesk/matching/context.py",
           "        for topic in lexicon.topics_in(source) if source.strip() else ():\n",
           "        for topic in lexicon.topics_in(source) if source.strip() else ():\n"
           "            if lexicon.ambiguous(phrase_key(topic)) is not None:\n                continue\n",
           (f"{DAY_ONE}::test_people_with_only_a_role_get_news_of_their_field_below_stated_interests",)),
    Mutant("field news is labelled a share", "givedesk/daylist.py",
           'field_news=match.reasons[0].field == "role")', "field_news=False)",
           (f"{DAY_ONE}::test_people_with_only_a_role_get_news_of_their_field_below_stated_interests",)),
    Mutant("employer news before news of a role's field", "givedesk/daylist.py",
           "pick.field_news, pick.employer_news, -pick.match.score)",
           "pick.field_news, -pick.match.score)",
           (f"{DAY_ONE}::test_people_with_only_a_role_get_news_of_their_field_below_stated_interests",)),
    Mutant("bad news shared cheerfully", "givedesk/desk.py",
           '               else "headsup" if tone == "bad" else None)', "               else None)",
           (f"{DAY_ONE}::test_the_first_morning_is_a_short_list_worth_acting_on",)),
    Mutant("the hidden offer comes back at once", "givedesk/desk.py",
           "    if key_offer_hidden(store, now.date()):", "    if False:",
           ("tests/tui/test_key_offer.py::test_the_offer_hidden_stays_hidden_for_the_day",)),
    Mutant("suggested topics stored without --accept", "givedesk/cli/contacts.py",
           "    if accept:\n        person = accept_terms(", "    if True:\n        person = accept_terms(",
           ("tests/day_one/test_keys.py::test_suggest_topics_shows_and_stores_only_with_accept",)),
    Mutant("marking key on Contacts asks nothing", "givedesk/tui/screens/contacts.py",
           "        if marked.key:\n", "        if False:\n",
           ("tests/tui/test_key_offer.py::"
            "test_marking_someone_key_on_contacts_offers_their_field_to_accept_or_edit",)),
    Mutant("the core imports Textual", "givedesk/day_notes.py",
           "import json\n", "import json\n\nimport textual  # noqa: F401\n",
           ("tests/foundation/test_layering.py",)),
    # Not a code change: the scratch copy has no corpus beside it, as a broken CI would.
    Mutant("CI without the feed corpus", "", "", "",
           ("tests/feeds/test_corpus.py",), env={"CI": "true"}),
]


def scratch_copy(target: Path) -> Path:
    """The package, the tests and the project file: enough to run pytest, nothing more."""
    target.chmod(0o755)  # the permission tests run givedesk as an unprivileged user
    root = target / "repo"
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", ".pytest_cache", ".hypothesis")
    root.mkdir()
    for name in ("givedesk", "tests"):
        shutil.copytree(REPO / name, root / name, ignore=ignore)
    shutil.copy(REPO / "pyproject.toml", root / "pyproject.toml")
    return root


def run_tests(root: Path, tests: tuple[str, ...], env: dict[str, str]) -> tuple[int, float]:
    environment = {key: value for key, value in os.environ.items() if key != "CI"}
    environment.update(env, PYTHONPATH=str(root), PYTHONDONTWRITEBYTECODE="1")
    started = time.monotonic()
    try:
        result = subprocess.run(
            [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", *tests],
            cwd=root, env=environment, capture_output=True, text=True, timeout=PER_MUTANT_TIMEOUT,
        )
    except subprocess.TimeoutExpired:
        return -1, time.monotonic() - started
    return result.returncode, time.monotonic() - started


def check_imports_the_copy(root: Path) -> None:
    found = subprocess.run(
        [sys.executable, "-c", "import givedesk; print(givedesk.__file__)"],
        cwd=root, env={**os.environ, "PYTHONPATH": str(root)}, capture_output=True, text=True,
    ).stdout.strip()
    if not found.startswith(str(root)):
        sys.exit(f"mutation check: the copy imports {found}, not the scratch package")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-k", default="", help="only mutants whose name contains this")
    parser.add_argument("--list", action="store_true", help="list the mutants and exit")
    options = parser.parse_args()
    chosen = [m for m in MUTANTS if options.k.casefold() in m.name.casefold()]
    if options.list:
        for mutant in chosen:
            print(f"{mutant.name}: {mutant.file or '(environment)'} -> {', '.join(mutant.tests)}")
        return 0

    with tempfile.TemporaryDirectory(prefix="givedesk-mutants-") as folder:
        root = scratch_copy(Path(folder))
        check_imports_the_copy(root)
        guarded = tuple(sorted({test for m in chosen if not m.env for test in m.tests}))
        code, seconds = run_tests(root, guarded, {})
        if code != 0:
            print(f"the guarding tests fail without any mutant (exit {code}); fix them first")
            return 1
        print(f"unmutated: {len(guarded)} tests pass ({seconds:.0f} s)")
        survivors = []
        for mutant in chosen:
            verdict, seconds = apply_and_run(root, mutant)
            print(f"{verdict:9} {seconds:5.0f} s  {mutant.name}")
            if verdict != "caught":
                survivors.append(mutant.name)
    if survivors:
        print(f"{len(survivors)} of {len(chosen)} mutants not caught: {'; '.join(survivors)}")
        return 1
    print(f"all {len(chosen)} mutants caught")
    return 0


def apply_and_run(root: Path, mutant: Mutant) -> tuple[str, float]:
    """'caught' when the tests fail (pytest exit 1), else why not."""
    path = root / mutant.file if mutant.file else None
    original = path.read_text(encoding="utf-8") if path else ""
    if path is not None:
        if original.count(mutant.old) != 1:
            return "STALE", 0.0  # the code changed: the mutant must follow it
        path.write_text(original.replace(mutant.old, mutant.new), encoding="utf-8")
    try:
        code, seconds = run_tests(root, mutant.tests, mutant.env)
    finally:
        if path is not None:
            path.write_text(original, encoding="utf-8")
    return ("caught" if code == 1 else "SURVIVED" if code == 0 else f"exit {code}"), seconds


if __name__ == "__main__":
    sys.exit(main())
