-- :checkhealth copydesk
local M = {}

local h = vim.health
-- Neovim 0.9 names these report_*.
local start = h.start or h.report_start
local ok = h.ok or h.report_ok
local warn = h.warn or h.report_warn
local err = h.error or h.report_error
local info = h.info or h.report_info

-- The keys of docs/settings.md.
local KNOWN = {
  referenceDate = true,
  inlayHints = true,
  maxDocumentSize = true,
  rules = true,
  select = true,
  ignore = true,
  knownSources = true,
  vaguePhrases = true,
  abbreviations = true,
}

local function current_config()
  if vim.fn.has('nvim-0.11') == 1 and vim.lsp.config ~= nil then
    local resolved = vim.lsp.config.copydesk
    if resolved ~= nil then
      return resolved, 'vim.lsp.config'
    end
  end
  local copydesk = require('copydesk')
  if copydesk.options ~= nil then
    return copydesk.options, 'require("copydesk").setup{}'
  end
  return copydesk.config(), 'defaults (setup{} not called)'
end

function M.check()
  start('copydesk: Neovim')
  local v = vim.version()
  local version = string.format('%d.%d.%d', v.major, v.minor, v.patch)
  if vim.fn.has('nvim-0.11') == 1 then
    ok('Neovim ' .. version .. ': vim.lsp.config/vim.lsp.enable are used (lsp/copydesk.lua)')
  elseif vim.fn.has('nvim-0.9') == 1 then
    ok('Neovim ' .. version .. ': setup{} starts the server with vim.lsp.start on FileType')
  else
    err('Neovim ' .. version .. ' is too old: copydesk needs 0.9 or newer')
  end

  start('copydesk: configuration')
  local okcfg, cfg, source = pcall(current_config)
  if not okcfg then
    err(tostring(cfg))
    return
  end
  info('from ' .. source)
  info('cmd: ' .. vim.inspect(cfg.cmd))
  info('filetypes: ' .. table.concat(cfg.filetypes or {}, ', '))
  local section = (cfg.settings or {}).copydesk or {}
  local unknown = {}
  for key in pairs(section) do
    if not KNOWN[key] then
      unknown[#unknown + 1] = key
    end
  end
  if #unknown > 0 then
    table.sort(unknown)
    warn('unknown settings (see docs/settings.md): ' .. table.concat(unknown, ', '))
  else
    ok('settings: ' .. vim.inspect(section, { newline = ' ', indent = '' }))
  end
  if section.referenceDate ~= nil and not tostring(section.referenceDate):match('^%d%d%d%d%-%d%d%-%d%d$') then
    err('referenceDate must be YYYY-MM-DD, got ' .. vim.inspect(section.referenceDate))
  end

  start('copydesk: server binary')
  if type(cfg.cmd) ~= 'table' or type(cfg.cmd[1]) ~= 'string' then
    warn('cmd is not a list of strings; cannot check the binary')
    return
  end
  local exe = vim.fn.exepath(cfg.cmd[1])
  if exe == '' then
    err(
      cfg.cmd[1] .. ' not found (not executable, not on PATH)',
      { 'Install it from the copydesk source: cargo install --locked --path .', 'or set cmd = { "/full/path/to/copydesk", "server" }' }
    )
    return
  end
  ok('found ' .. exe)
  local out = vim.fn.system({ exe, '--version' })
  if vim.v.shell_error ~= 0 then
    err(exe .. ' --version failed: ' .. vim.trim(out))
  elseif not out:match('^copydesk%s') then
    err(exe .. ' --version printed ' .. vim.inspect(vim.trim(out)) .. ', not "copydesk <version>"')
  else
    ok('version: ' .. vim.trim(out))
  end

  start('copydesk: clients')
  local clients = require('copydesk').clients()
  if #clients == 0 then
    info('no copydesk client is running (open a Markdown or text file)')
  end
  for _, c in ipairs(clients) do
    ok(string.format('client %d, root %s, position encoding %s', c.id, tostring(c.root_dir), tostring(c.offset_encoding)))
  end
end

return M
