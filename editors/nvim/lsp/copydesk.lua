---@brief
---
--- copydesk: a copy desk in your editor. Flags unsourced claims, vague attribution and date
--- errors in Markdown and plain-text articles, with quick fixes.
---
--- Install the `copydesk` binary (`cargo install --locked --path .` from the copydesk source)
--- so that it is on your PATH, then:
---
--- ```lua
--- vim.lsp.enable('copydesk')
--- ```
---
--- Settings are the keys of the `copydesk` section (docs/settings.md), for example:
---
--- ```lua
--- vim.lsp.config('copydesk', {
---   settings = {
---     copydesk = {
---       referenceDate = '2025-03-04',
---       rules = { ['date/relative'] = { severity = 'hint' } },
---     },
---   },
--- })
--- ```
---
--- The server reads `initializationOptions` when it starts and the `copydesk` section through
--- `workspace/configuration` afterwards; `before_init` sends the same table both ways.

---@type vim.lsp.Config
return {
  cmd = { 'copydesk', 'server' },
  filetypes = { 'markdown', 'text' },
  root_markers = { 'copydesk.toml', '.copydesk.toml', '.git' },
  -- vim.empty_dict(): an empty Lua table is sent as the JSON array `[]`; these must be objects.
  settings = {
    copydesk = vim.empty_dict(),
  },
  init_options = vim.empty_dict(),
  -- Neovim applies versioned `documentChanges` (vim.lsp.util.apply_text_document_edit refuses an
  -- edit made for an older buffer version) but does not advertise it. Saying so lets copydesk send
  -- versioned quick fixes, so a fix computed for old text is never applied to newer text.
  capabilities = {
    workspace = { workspaceEdit = { documentChanges = true } },
  },
  before_init = function(params, config)
    -- initializationOptions are the copydesk section itself (not nested under `copydesk`).
    -- A first argument made by vim.empty_dict() keeps the result an object when it stays empty.
    local section = config.settings and config.settings.copydesk or vim.empty_dict()
    params.initializationOptions =
      vim.tbl_deep_extend('force', vim.empty_dict(), config.init_options or vim.empty_dict(), section)
  end,
}
