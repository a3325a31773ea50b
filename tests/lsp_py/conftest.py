"""Drives `copydesk server` with pytest-lsp, a client we did not write, using the recorded
capabilities of real editors (VS Code and Neovim) that ship with pytest-lsp."""
import os
import pathlib

import pytest
import pytest_lsp
from lsprotocol import types
from pygls.protocol import default_converter
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features

ROOT = pathlib.Path(__file__).resolve().parents[2]
BIN = os.environ.get("COPYDESK_BIN", str(ROOT / "target" / "debug" / "copydesk"))

EDITORS = ["visual-studio-code", "neovim"]


def make_client() -> LanguageClient:
    """pytest-lsp's client, plus the server-to-client requests a real editor answers."""
    client = LanguageClient(converter_factory=default_converter)
    features = {k: v for k, v in DEFAULT_CLIENT_FEATURES.items() if k != types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS}
    register_lsp_features(client, features)
    client.registrations = []
    client.published = []  # (uri, version, diagnostics), in arrival order

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def publish(params: types.PublishDiagnosticsParams):
        client.diagnostics[params.uri] = params.diagnostics
        client.published.append((params.uri, params.version, list(params.diagnostics)))

    @client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register(params: types.RegistrationParams):
        client.registrations.extend(params.registrations)

    @client.feature(types.WORKSPACE_INLAY_HINT_REFRESH)
    def inlay_refresh(params):
        return None

    @client.feature(types.WORKSPACE_CODE_LENS_REFRESH)
    def code_lens_refresh(params):
        return None

    return client


@pytest_lsp.fixture(
    params=EDITORS,
    scope="function",
    config=ClientServerConfig(
        server_command=[BIN, "server"], server_env={"COPYDESK_LOG": os.environ.get("COPYDESK_LOG", "info")}, client_factory=make_client
    ),
)
async def client(lsp_client: LanguageClient, request):
    lsp_client.set_configuration({"maxDocumentSize": 4000000}, section="copydesk")
    result = await lsp_client.initialize_session(
        types.InitializeParams(
            capabilities=client_capabilities(request.param),
            initialization_options={"referenceDate": "2025-03-04"},
        )
    )
    lsp_client.init_result = result
    yield
    await lsp_client.shutdown_session()
