import asyncio

import pytest
from lsprotocol import types
from pytest_lsp import LanguageClient


def encoding_of(client: LanguageClient) -> str:
    enc = client.init_result.capabilities.position_encoding
    if enc is None:
        return "utf-16"
    return getattr(enc, "value", enc)


def column(line_text: str, enc: str) -> int:
    """Column of the end of `line_text` in the negotiated encoding (independent of the server)."""
    if enc == "utf-8":
        return len(line_text.encode("utf-8"))
    if enc == "utf-16":
        return len(line_text.encode("utf-16-le")) // 2
    return len(line_text)


def position(text: str, offset: int, enc: str) -> types.Position:
    before = text[:offset]
    line = before.count("\n")
    start = before.rfind("\n") + 1
    return types.Position(line=line, character=column(text[start:offset], enc))


def offset(text: str, pos: types.Position, enc: str) -> int:
    lines = text.split("\n")
    start = sum(len(l) + 1 for l in lines[: pos.line])
    line = lines[pos.line]
    for i in range(len(line) + 1):
        if column(line[:i], enc) == pos.character:
            return start + i
    raise AssertionError(f"no such column {pos}")


def apply(text: str, edits, enc: str) -> str:
    spans = sorted(((offset(text, e.range.start, enc), offset(text, e.range.end, enc), e.new_text) for e in edits), reverse=True)
    for s, t, new in spans:
        text = text[:s] + new + text[t:]
    return text


async def document_text(client: LanguageClient, uri: str):
    r = await client.protocol.send_request_async("copydesk/documentText", {"uri": uri})
    return r.version, r.text


async def diagnostics(client: LanguageClient, uri: str, version: int):
    """Pushed diagnostics for `version`, or pulled ones when the server chose pull mode."""
    if client.init_result.capabilities.diagnostic_provider is not None:
        report = await client.text_document_diagnostic_async(
            types.DocumentDiagnosticParams(text_document=types.TextDocumentIdentifier(uri=uri))
        )
        return list(report.items)
    for _ in range(400):
        for u, v, diags in client.published:
            if u == uri and v == version:
                return diags
        await asyncio.sleep(0.025)
    raise AssertionError(f"no diagnostics for {uri} v{version}: {client.published}")


def open_doc(client: LanguageClient, uri: str, text: str, language="markdown", version=1):
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id=language, version=version, text=text)
        )
    )


def change(client: LanguageClient, uri: str, version: int, text: str, start: int, end: int, new: str, enc: str) -> str:
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[
                types.TextDocumentContentChangePartial(
                    range=types.Range(start=position(text, start, enc), end=position(text, end, enc)), text=new
                )
            ],
        )
    )
    return text[:start] + new + text[end:]


@pytest.mark.asyncio
async def test_negotiates_an_encoding_the_editor_offered(client: LanguageClient):
    caps = client.init_result.capabilities
    offered = client.capabilities.general.position_encodings if client.capabilities.general else None
    enc = encoding_of(client)
    if offered and "utf-8" in [o.value if hasattr(o, "value") else o for o in offered]:
        assert enc == "utf-8"
    else:
        assert enc == "utf-16"
    assert caps.text_document_sync.change == types.TextDocumentSyncKind.Incremental


@pytest.mark.asyncio
async def test_incremental_edits_with_emoji_match(client: LanguageClient):
    enc = encoding_of(client)
    uri = "file:///tmp/copydesk-py/emoji.md"
    text = "Café 😀 opens.\r\nSecond 👩‍👩‍👧 line.\n"
    open_doc(client, uri, text)
    text = change(client, uri, 2, text, text.index(" opens"), text.index(" opens"), " 🎉", enc)
    text = change(client, uri, 3, text, text.index("\r\nSecond"), text.index("Second"), " ", enc)
    text = change(client, uri, 4, text, text.index("👩"), text.index(" line"), "family", enc)
    version, server_text = await document_text(client, uri)
    assert (version, server_text) == (4, text)
    assert await diagnostics(client, uri, 4) == []


@pytest.mark.asyncio
async def test_too_large_documents_get_one_info_diagnostic(client: LanguageClient):
    uri = "file:///tmp/copydesk-py/large.md"
    open_doc(client, uri, "A short line of plain words.\n")
    assert await diagnostics(client, uri, 1) == []
    seen = len(client.published)
    client.set_configuration({"maxDocumentSize": 10}, section="copydesk")
    client.workspace_did_change_configuration(types.DidChangeConfigurationParams(settings=None))
    if client.init_result.capabilities.diagnostic_provider is not None:
        for _ in range(200):
            diags = await diagnostics(client, uri, 1)
            if diags:
                break
            await asyncio.sleep(0.025)
    else:
        for _ in range(400):
            fresh = [d for u, v, d in client.published[seen:] if u == uri and v == 1]
            if fresh:
                diags = fresh[-1]
                break
            await asyncio.sleep(0.025)
        else:
            raise AssertionError("no re-lint after the settings change")
    assert [(d.code, d.severity, d.source) for d in diags] == [
        ("document-too-large", types.DiagnosticSeverity.Information, "copydesk")
    ]


@pytest.mark.asyncio
async def test_invalid_settings_show_one_message(client: LanguageClient):
    client.set_configuration({"referenceDate": "next Tuesday"}, section="copydesk")
    client.workspace_did_change_configuration(types.DidChangeConfigurationParams(settings=None))
    for _ in range(100):
        if client.messages:
            break
        await asyncio.sleep(0.05)
    assert len(client.messages) == 1
    assert "referenceDate" in client.messages[0].message
    assert client.messages[0].type == types.MessageType.Error


@pytest.mark.asyncio
async def test_code_action_edit_applies_to_the_text(client: LanguageClient):
    enc = encoding_of(client)
    uri = "file:///tmp/copydesk-py/fix.md"
    text = "Intro 😀.\nIt happened on Monday, March 4, 2025.\n"
    open_doc(client, uri, text)
    published = await diagnostics(client, uri, 1)
    s = text.index("Monday")
    rng = types.Range(start=position(text, s, enc), end=position(text, s + len("Monday, March 4, 2025"), enc))
    (diag,) = [d for d in published if d.code == "date/weekday"]
    assert diag.range == rng
    # `data` names the version and the diagnostic's place in the list; the fix stays in the server.
    assert diag.data == {"version": 1, "index": published.index(diag)}
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=rng,
            context=types.CodeActionContext(diagnostics=[diag]),
        )
    )
    by_title = {a.title: a for a in actions}
    fix = by_title["Change the weekday to 'Tuesday'"]
    assert fix.is_preferred
    edit = fix.edit
    if edit.document_changes:
        (doc_edit,) = edit.document_changes
        assert doc_edit.text_document.version == 1
        edits = doc_edit.edits
    else:
        edits = edit.changes[uri]
    assert apply(text, edits, enc) == "Intro 😀.\nIt happened on Tuesday, March 4, 2025.\n"
    line = by_title["Disable date/weekday on this line"].edit
    edits = line.document_changes[0].edits if line.document_changes else line.changes[uri]
    assert apply(text, edits, enc) == "Intro 😀.\n<!-- copydesk-disable-next-line date/weekday -->\nIt happened on Monday, March 4, 2025.\n"


@pytest.mark.asyncio
async def test_code_lens_and_close(client: LanguageClient):
    uri = "file:///tmp/copydesk-py/lens.md"
    open_doc(client, uri, "Nothing to see here.\n")
    await diagnostics(client, uri, 1)
    lenses = await client.text_document_code_lens_async(
        types.CodeLensParams(text_document=types.TextDocumentIdentifier(uri=uri))
    )
    assert [l.command.title for l in lenses] == ["no findings · published 2025-03-04"]
    client.text_document_did_close(types.DidCloseTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri)))
    assert await document_text_or_none(client, uri) is None


async def document_text_or_none(client: LanguageClient, uri: str):
    return await client.protocol.send_request_async("copydesk/documentText", {"uri": uri})
