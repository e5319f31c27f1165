import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from claimcheck.errors import ClaimcheckError
from claimcheck.ingest.documents import (
    MAX_FILE_BYTES,
    article_end,
    front_matter,
    is_boilerplate,
    load_documents,
    normalize_date,
)

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_df24da9ed9f199a2.txt"


def write(path: Path, content: str | bytes) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return str(path)


def error_of(paths, **options) -> str:
    with pytest.raises(ClaimcheckError) as raised:
        load_documents(paths, **options)
    return str(raised.value)


# --- text files --------------------------------------------------------------------------------


def test_text_file_defaults(tmp_path):
    path = write(tmp_path / "reuters.txt", "Putin spoke.\nTrump listened.\n")
    [document] = load_documents([path])
    assert document.id == Path(path).as_posix()
    assert document.source == "reuters"
    assert document.text == "Putin spoke.\nTrump listened."
    assert document.path == Path(path).as_posix()
    assert document.published is None and document.record_line is None


def test_source_argument_overrides_and_published_argument_is_a_fallback(tmp_path):
    plain = write(tmp_path / "a.txt", "Putin spoke.")
    dated = write(
        tmp_path / "b.md", "---\npublished: 2025-08-16\nsource: AP\n---\nTrump spoke."
    )
    first, second = load_documents(
        [plain, dated], source="Reuters", published="Aug 15, 2025"
    )
    assert (first.source, first.published) == ("Reuters", "2025-08-15")
    assert (second.source, second.published) == ("Reuters", "2025-08-16")


def test_front_matter_is_metadata_and_text_keeps_the_whole_file(tmp_path):
    content = (
        "---\nid: alaska-1\nsource: The Hindu\ntitle: 'Alaska summit'\npublished: 2025-08-17T09:30:00Z\n"
        "url: https://example.com/a\n---\n# Heading\n\nPutin spoke in Alaska.\n"
    )
    [document] = load_documents([write(tmp_path / "a.md", content)])
    assert document.id == "alaska-1"
    assert document.source == "The Hindu"
    assert document.title == "Alaska summit"
    assert document.published == "2025-08-17"
    assert document.url == "https://example.com/a"
    assert document.text == content.rstrip("\n")
    offset = document.text.index("Putin")
    assert (document.line_of(offset), document.column_of(offset)) == (10, 1)


def test_markdown_title_from_first_heading(tmp_path):
    [document] = load_documents(
        [write(tmp_path / "a.md", "# Summit ends\n\nPutin spoke.\n")]
    )
    assert document.title == "Summit ends"


def test_utf8_bom_is_accepted(tmp_path):
    [document] = load_documents(
        [write(tmp_path / "a.txt", "\ufeffPutin spoke.".encode("utf-8"))]
    )
    assert document.text == "Putin spoke."


def test_seed_boilerplate_is_trimmed_and_offsets_stay_valid():
    [document] = load_documents([str(SEED)])
    raw = SEED.read_text(encoding="utf-8")
    assert document.text.endswith("while addressing Russia’s strategic interests.")
    assert "Recent Random Post" not in document.text
    assert raw.startswith(document.text)
    assert document.source == SEED.stem


def test_a_last_section_heading_is_not_a_tail_marker():
    text = "Body line one.\nRelated developments\nTalks resumed on Monday."
    assert article_end(text) == len(text)


def test_trailing_boilerplate_and_short_tail_are_cut():
    text = "Body line one.\nBody line two.\nRelated:\nSome other story title\nShare this article\n\n"
    assert text[: article_end(text)] == "Body line one.\nBody line two."
    assert article_end("No boilerplate.") == len("No boilerplate.")


@pytest.mark.parametrize(
    "line",
    [
        "Recent Random Post:",
        "Related:",
        "Share this article",
        "Subscribe to our newsletter",
        "Advertisement",
        "© 2025 Example Media. All rights reserved.",
        "Read more",
        "Click here to read more",
        "We use cookies to improve your experience.",
        "Tags: Russia, Ukraine",
    ],
)
def test_boilerplate_lines(line):
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        "Putin said the talks were useful.",
        "Related talks will follow in May.",
        "Subscribers rose by 5%.",
        "Copyright lawsuits rose sharply.",
        "Google will phase out third-party cookies, which advertisers use.",
        "Related developments",
    ],
)
def test_article_lines_are_not_boilerplate(line):
    assert not is_boilerplate(line)


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2025-08-15", "2025-08-15"),
        ("2025-08-15T10:00:00+02:00", "2025-08-15"),
        ("August 15, 2025", "2025-08-15"),
        ("Aug 15, 2025", "2025-08-15"),
        ("15 August 2025", "2025-08-15"),
        ("2025/08/15", "2025-08-15"),
        ("sometime in August", "sometime in August"),
        ("", None),
        (None, None),
    ],
)
def test_normalize_date(value, expected):
    assert normalize_date(value) == expected


# --- html --------------------------------------------------------------------------------------

HTML = """<!doctype html><html><head><title>Site | Summit</title>
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2025-08-18T12:00:00Z">
<link rel="canonical" href="https://example.com/summit">
<script>var x = "Putin said nothing.";</script><style>p { color: red }</style></head>
<body><header><nav>Home | World</nav></header>
<div class="sidebar">Sidebar text outside the article.</div>
<article><h1>Summit ends
  in Alaska</h1>
<p>Putin described the meeting as <em>a starting point</em>.</p>
<p>Trump said &ldquo;great progress&rdquo; was made.<br>Zelensky will visit.</p>
<aside>Related: other story</aside><form>Subscribe</form><noscript>Enable JS</noscript>
<figure><img src="a.jpg"><figcaption>Photo: Reuters</figcaption></figure></article>
<footer>All rights reserved.</footer></body></html>"""


def test_html_main_text_and_metadata(tmp_path):
    [document] = load_documents([write(tmp_path / "page.html", HTML)])
    assert document.text == (
        "Putin described the meeting as a starting point.\n"
        "Trump said “great progress” was made.\nZelensky will visit."
    )
    assert document.title == "Summit ends in Alaska"
    assert document.source == "Example News"
    assert document.published == "2025-08-18"
    assert document.url == "https://example.com/summit"


def test_html_lines_and_columns_point_into_the_file(tmp_path):
    [document] = load_documents([write(tmp_path / "page.html", HTML)])
    file_lines = HTML.split("\n")
    for sentence in ("Putin described", "Trump said", "Zelensky will visit"):
        offset = document.text.index(sentence)
        line, column = document.line_of(offset), document.column_of(offset)
        assert file_lines[line - 1][column - 1 :].startswith(sentence)
    assert (
        "was made" in file_lines[document.line_of(document.text.index("was made")) - 1]
    )  # column: after "&ldquo;"


def test_html_without_article_uses_body_and_title_tag(tmp_path):
    page = (
        "<html><head><title>Talks</title></head><body><nav>Menu</nav>"
        "<p>Talks resumed.</p><div>Aid rose.</div></body></html>"
    )
    [document] = load_documents([write(tmp_path / "page.htm", page)])
    assert document.text == "Talks resumed.\nAid rose."
    assert document.title == "Talks"
    assert document.source == "page"


def test_html_with_only_page_furniture_is_an_error(tmp_path):
    page = "<html><body><nav>Menu</nav><script>x()</script><footer>Footer</footer></body></html>"
    assert error_of([write(tmp_path / "page.html", page)]).endswith(
        "no article text (empty or only boilerplate)"
    )


# --- batches -----------------------------------------------------------------------------------


def test_jsonl_records(tmp_path):
    lines = [
        json.dumps(
            {
                "id": "r1",
                "text": "Putin spoke.",
                "source": "AP",
                "title": "T",
                "url": "u",
                "published": "Aug 15, 2025",
            }
        ),
        "",
        json.dumps({"text": "Trump spoke."}),
    ]
    path = write(tmp_path / "batch.jsonl", "\n".join(lines) + "\n")
    first, second = load_documents([path], published="2025-08-20")
    assert (
        first.id,
        first.source,
        first.title,
        first.url,
        first.published,
        first.record_line,
    ) == ("r1", "AP", "T", "u", "2025-08-15", 1)
    assert (second.id, second.source, second.published, second.record_line) == (
        f"{Path(path).as_posix()}#3",
        "batch",
        "2025-08-20",
        3,
    )
    assert second.line_of(5) == 3 and second.column_of(5) == 1


def test_json_list_and_documents_object(tmp_path):
    listed = write(
        tmp_path / "a.json",
        json.dumps([{"id": 7, "text": "Putin spoke."}, {"text": "Trump spoke."}]),
    )
    wrapped = write(
        tmp_path / "b.json", json.dumps({"documents": [{"text": "Macron spoke."}]})
    )
    documents = load_documents([listed, wrapped])
    assert [(d.id, d.text, d.record_line) for d in documents] == [
        ("7", "Putin spoke.", 1),
        (f"{Path(listed).as_posix()}#2", "Trump spoke.", 2),
        (f"{Path(wrapped).as_posix()}#1", "Macron spoke.", 1),
    ]


def test_csv_rows_know_their_line(tmp_path):
    path = write(
        tmp_path / "a.csv",
        'id,text,source\nx,"Putin spoke.\nTrump listened.",AP\n,Macron spoke.,\n',
    )
    first, second = load_documents([path])
    assert (first.id, first.text, first.source, first.record_line) == (
        "x",
        "Putin spoke.\nTrump listened.",
        "AP",
        2,
    )
    assert (second.id, second.source, second.record_line) == (
        f"{Path(path).as_posix()}#4",
        "a",
        4,
    )


def test_parquet_records(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = tmp_path / "a.parquet"
    pq.write_table(
        pa.table({"text": ["Putin spoke.", "Trump spoke."], "source": ["AP", None]}),
        path,
    )
    first, second = load_documents([str(path)])
    assert (first.source, first.record_line, second.source, second.record_line) == (
        "AP",
        1,
        "a",
        2,
    )


# --- folders -----------------------------------------------------------------------------------


def test_folder_is_recursive_sorted_and_skips_non_articles(tmp_path):
    write(tmp_path / "b.txt", "B spoke.")
    write(tmp_path / "a" / "z.md", "Z spoke.")
    write(tmp_path / "a" / "c.html", "<p>C spoke.</p>")
    write(tmp_path / ".hidden.txt", "Hidden spoke.")
    write(tmp_path / ".git" / "x.txt", "Git spoke.")
    write(tmp_path / "README.md", "Docs.")
    write(tmp_path / "expected.jsonl", '{"text": "E spoke."}\n')  # an article batch
    write(tmp_path / "notes.docx", "binary-ish")
    documents = load_documents([str(tmp_path)])
    assert [Path(d.path).relative_to(tmp_path).as_posix() for d in documents] == [
        "a/c.html",
        "a/z.md",
        "b.txt",
        "expected.jsonl",
    ]
    assert load_documents([str(tmp_path)]) == documents


def test_same_file_twice_is_loaded_once(tmp_path):
    path = write(tmp_path / "a.txt", "Putin spoke.")
    assert len(load_documents([path, str(tmp_path)])) == 1


# --- bad input ---------------------------------------------------------------------------------


def test_nonexistent_path(tmp_path):
    assert (
        error_of([str(tmp_path / "missing.txt")])
        == f"{(tmp_path / 'missing.txt').as_posix()}: no such file or folder"
    )


def test_explicit_unsupported_file(tmp_path):
    assert "unsupported file type '.docx'" in error_of(
        [write(tmp_path / "a.docx", "text")]
    )


@pytest.mark.parametrize("content", ["", "   \n\n\t", b"\xef\xbb\xbf\n"])
def test_empty_file(tmp_path, content):
    message = error_of([write(tmp_path / "a.txt", content)])
    assert message.endswith(
        ("empty file", "no article text (empty or only boilerplate)")
    )


def test_only_boilerplate(tmp_path):
    assert error_of(
        [write(tmp_path / "a.txt", "Recent Random Post:\n\nShare this article\n")]
    ).endswith("no article text (empty or only boilerplate)")


def test_binary_file(tmp_path):
    assert "binary file (contains NUL bytes)" in error_of(
        [write(tmp_path / "a.txt", b"\x89PNG\x00\x01\x02")]
    )


def test_not_utf8(tmp_path):
    path = write(tmp_path / "a.txt", "Caf\u00e9 talks.".encode("latin-1"))
    assert (
        error_of([path])
        == f"{Path(path).as_posix()}: not UTF-8 text (invalid byte 0xe9 at offset 3); convert it to UTF-8"
    )


def test_file_over_the_size_limit_is_rejected_before_reading(tmp_path):
    path = tmp_path / "big.txt"
    with open(path, "wb") as file:
        file.truncate(50_000_000)  # sparse: nothing is written or read
    assert MAX_FILE_BYTES == 20_000_000
    assert (
        error_of([str(path)])
        == f"{path.as_posix()}: 50.0 MB is over the 20 MB limit per file; split it"
    )


def test_malformed_jsonl_names_the_line(tmp_path):
    path = write(tmp_path / "batch.jsonl", '{"text": "ok."}\n\n{"text": oops}\n')
    assert error_of([path]).startswith(
        f"{Path(path).as_posix()} line 3: malformed JSON (Expecting value"
    )


def test_malformed_json(tmp_path):
    path = write(tmp_path / "batch.json", '[{"text": "ok."},\n {"text": }]')
    assert error_of([path]).startswith(
        f"{Path(path).as_posix()} line 2: malformed JSON"
    )


def test_json_of_the_wrong_shape(tmp_path):
    assert "expected a list of records" in error_of(
        [write(tmp_path / "a.json", '{"text": "ok."}')]
    )


def test_record_without_text(tmp_path):
    path = write(
        tmp_path / "batch.jsonl", '{"text": "ok."}\n{"id": 2, "title": "no text"}\n'
    )
    assert (
        error_of([path])
        == f"{Path(path).as_posix()} line 2: record has no 'text' field"
    )


def test_csv_without_text_column(tmp_path):
    assert "no 'text' column" in error_of(
        [write(tmp_path / "a.csv", "id,body\n1,Putin spoke.\n")]
    )


def test_record_with_empty_text(tmp_path):
    path = write(tmp_path / "a.json", json.dumps([{"text": "ok."}, {"text": "  "}]))
    assert (
        error_of([path]) == f"{Path(path).as_posix()} record 2: record has empty text"
    )


def test_not_a_parquet_file(tmp_path):
    assert error_of([write(tmp_path / "a.parquet", "id,text\n")]).endswith(
        "not a Parquet file"
    )


def test_batches_write_nothing_to_the_home_folder(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    batch = write(tmp_path / "a.jsonl", '{"text": "Putin spoke."}\n')
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("HF_", "XDG_"))
    }
    code = f"from claimcheck.ingest.documents import load_documents; print(len(load_documents([{batch!r}])))"
    result = subprocess.run(
        [sys.executable, "-c", code],
        env={**environment, "HOME": str(home)},
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout == "1\n" and result.stderr == ""
    assert list(home.rglob("*")) == []


def test_a_leading_rule_is_not_front_matter(tmp_path):
    text = "---\nPutin spoke in Alaska.\n---\nTrump listened.\n"
    [document] = load_documents([write(tmp_path / "a.md", text)])
    assert (document.id, document.text) == (
        Path(tmp_path / "a.md").as_posix(),
        text.rstrip("\n"),
    )
    assert front_matter(text) == ({}, 0)
    with_comment = "---\nsource: AP\n# note\n\n---\nBody."
    assert front_matter(with_comment) == ({"source": "AP"}, with_comment.index("Body."))


def test_csv_row_without_text_names_its_line(tmp_path):
    path = write(tmp_path / "a.csv", "id,text\n1,Putin spoke.\n\n2,\n")
    assert error_of([path]) == f"{Path(path).as_posix()} line 4: record has empty text"


def test_jsonl_lines_are_newline_separated_only(tmp_path):
    path = write(
        tmp_path / "a.jsonl",
        '{"text": "Putin\u2028spoke."}\n{"text": "Trump spoke."}\n',
    )
    assert [(d.record_line, d.text) for d in load_documents([path])] == [
        (1, "Putin\u2028spoke."),
        (2, "Trump spoke."),
    ]
