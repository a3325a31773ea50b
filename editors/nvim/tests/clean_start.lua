-- Clean start: headless Neovim + the shipped config + the real copydesk server, no user settings.
--
--   COPYDESK_BIN=target/debug/copydesk nvim --headless --clean -l editors/nvim/tests/clean_start.lua MODE
--
-- MODE is `enable` (vim.lsp.config only overrides `cmd`, then vim.lsp.enable: lsp/copydesk.lua as
-- shipped), `setup` (require("copydesk").setup{} with no settings, 0.11 path) or `legacy`
-- (setup{} on the 0.9/0.10 path, vim.lsp.start on FileType).
--
-- Opens an article, waits for its diagnostics (the server has read its settings by then: the
-- initializationOptions, the workspace/configuration answer and the didChangeConfiguration
-- Neovim sends after initialize), stops the server and waits for it to exit (so its stderr has
-- been read), then fails on anything at warning level or above that the server said: a
-- window/showMessage or window/logMessage of type Error or Warning, a vim.notify at WARN or
-- above, or a [WARN]/[ERROR] entry written to the LSP log during the run (Neovim logs the
-- server's stderr there at ERROR level).
local TIMEOUT_MS = 20000

local problems = {}
local function say(msg)
  io.stdout:write(msg .. '\n')
end
local function die(msg)
  io.stderr:write('FAIL: ' .. msg .. '\n')
  os.exit(1)
end

local here = vim.fs.dirname(vim.fs.normalize(debug.getinfo(1, 'S').source:sub(2)))
local plugin_dir = vim.fs.dirname(here)
local mode = _G.arg and _G.arg[1] or 'enable'
if mode ~= 'enable' and mode ~= 'setup' and mode ~= 'legacy' then
  die('unknown mode ' .. mode .. ' (enable, setup or legacy)')
end

local bin = os.getenv('COPYDESK_BIN')
if not bin or bin == '' then
  die('set COPYDESK_BIN to the copydesk binary to test')
end
say('clean start: Neovim ' .. tostring(vim.version()) .. ', server ' .. bin .. ', mode ' .. mode)

-- Everything the server shows or logs at warning level or above is recorded.
local function record(source, text)
  problems[#problems + 1] = source .. ': ' .. tostring(text)
end
local notify = vim.notify
vim.notify = function(msg, level, opts)
  if level ~= nil and level >= vim.log.levels.WARN then
    record('vim.notify', msg)
  end
  return notify(msg, level, opts)
end
for _, method in ipairs({ 'window/showMessage', 'window/logMessage' }) do
  local original = vim.lsp.handlers[method]
  vim.lsp.handlers[method] = function(err, result, ctx, config)
    if result and result.type and result.type <= vim.lsp.protocol.MessageType.Warning then
      record(method, result.message)
    end
    return original(err, result, ctx, config)
  end
end

-- Only the part of the LSP log written during this run counts.
local log_path = vim.lsp.get_log_path()
local log_start = vim.fn.getfsize(log_path)
if log_start < 0 then
  log_start = 0
end

vim.opt.runtimepath:prepend(plugin_dir)
vim.cmd('runtime! plugin/copydesk.lua')
vim.cmd('filetype on')

-- A copy of the fixture in a fresh folder with a copydesk.toml (so the repository is not the root).
local work = vim.fn.tempname()
vim.fn.mkdir(work, 'p')
local article = work .. '/harbour.md'
vim.fn.writefile(vim.fn.readfile(here .. '/fixtures/harbour.md', 'b'), article, 'b')
vim.fn.writefile({ 'reference-date = "2025-03-10"' }, work .. '/copydesk.toml')

if mode == 'enable' then
  vim.lsp.config('copydesk', { cmd = { bin, 'server' } })
  vim.lsp.enable('copydesk')
else
  require('copydesk').setup({ cmd = { bin, 'server' }, use_lsp_config = mode ~= 'legacy' })
end

vim.cmd.edit(vim.fn.fnameescape(article))
local buf = vim.api.nvim_get_current_buf()

local client
vim.wait(TIMEOUT_MS, function()
  client = vim.lsp.get_clients({ bufnr = buf, name = 'copydesk' })[1]
  return client ~= nil and client.initialized
end, 50)
if not client or not client.initialized then
  die('no initialized copydesk client on ' .. article)
end
local got = vim.wait(TIMEOUT_MS, function()
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if d.source == 'copydesk' then
      return true
    end
  end
  return false
end, 50)
if not got then
  die('no diagnostics from copydesk within ' .. TIMEOUT_MS .. ' ms')
end
-- A request after the notifications: the server has handled didChangeConfiguration by now.
vim.lsp.buf_request_sync(buf, 'textDocument/hover', vim.lsp.util.make_position_params(0, client.offset_encoding), TIMEOUT_MS)

local id = client.id
client:stop()
local stopped = vim.wait(TIMEOUT_MS, function()
  return vim.lsp.get_client_by_id(id) == nil
end, 50)
if not stopped then
  die('the copydesk server did not exit after shutdown')
end

local f = io.open(log_path, 'rb')
if f then
  f:seek('set', log_start)
  local text = f:read('*a') or ''
  f:close()
  for line in text:gmatch('[^\n]+') do
    local level = line:match('^%[(%u+)%]')
    if level == 'WARN' or level == 'ERROR' then
      record('LSP log', line)
    end
  end
end

if #problems > 0 then
  for _, p in ipairs(problems) do
    io.stderr:write('FAIL: ' .. p .. '\n')
  end
  io.stderr:write(string.format('clean start (%s): %d warning(s) or error(s)\n', mode, #problems))
  os.exit(1)
end
say('clean start (' .. mode .. '): nothing at warning level or above')
os.exit(0)
