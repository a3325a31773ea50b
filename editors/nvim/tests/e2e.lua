-- End-to-end: headless Neovim + this plugin + the real copydesk server.
--
--   COPYDESK_BIN=target/debug/copydesk nvim --headless --clean -l editors/nvim/tests/e2e.lua [legacy]
--
-- Opens tests/fixtures/harbour.md, waits for copydesk's diagnostics, checks their rule ids and
-- positions (a line with an emoji and an accent before the finding included), asks for the code
-- actions of one diagnostic, applies the weekday fix and checks the buffer text, then checks
-- the diagnostic goes away. Any mismatch exits non-zero with a message saying what differed.
-- With the argument `legacy`, setup{} takes the Neovim 0.9/0.10 path (vim.lsp.start on
-- FileType) instead of vim.lsp.config/vim.lsp.enable.
local TIMEOUT_MS = 20000

local failures = 0
local function say(msg)
  io.stdout:write(msg .. '\n')
end
local function fail(msg)
  io.stderr:write('FAIL: ' .. msg .. '\n')
  failures = failures + 1
end
local function die(msg)
  fail(msg)
  io.stderr:write(string.format('e2e: %d failure(s)\n', failures))
  os.exit(1)
end
local function check(cond, msg)
  if not cond then
    fail(msg)
  end
  return cond
end

local here = vim.fs.dirname(vim.fs.normalize(debug.getinfo(1, 'S').source:sub(2)))
local plugin_dir = vim.fs.dirname(here)
local mode = _G.arg and _G.arg[1] or ''

local bin = os.getenv('COPYDESK_BIN')
if not bin or bin == '' then
  die('set COPYDESK_BIN to the copydesk binary to test')
end
say('e2e: Neovim ' .. tostring(vim.version()) .. ', server ' .. bin .. (mode ~= '' and (', mode ' .. mode) or ''))

-- Load the plugin the way a plugin manager would: on the runtimepath, plugin/ sourced.
vim.opt.runtimepath:prepend(plugin_dir)
vim.cmd('runtime! plugin/copydesk.lua')
vim.cmd('filetype on')
check(vim.fn.exists(':CopydeskRestart') == 2, 'plugin/copydesk.lua did not define :CopydeskRestart')

-- The config file must be usable as is by nvim-lspconfig: a plain table with these fields.
local raw = dofile(plugin_dir .. '/lsp/copydesk.lua')
check(vim.deep_equal(raw.cmd, { 'copydesk', 'server' }), 'lsp/copydesk.lua cmd: ' .. vim.inspect(raw.cmd))
check(vim.deep_equal(raw.filetypes, { 'markdown', 'text' }), 'lsp/copydesk.lua filetypes: ' .. vim.inspect(raw.filetypes))
check(
  vim.deep_equal(raw.root_markers, { 'copydesk.toml', '.copydesk.toml', '.git' }),
  'lsp/copydesk.lua root_markers: ' .. vim.inspect(raw.root_markers)
)

-- Work on a copy of the fixture in a fresh folder so the repository's .git is not the root.
local work = vim.fn.tempname()
vim.fn.mkdir(work, 'p')
local article = work .. '/harbour.md'
vim.fn.writefile(vim.fn.readfile(here .. '/fixtures/harbour.md', 'b'), article, 'b')
vim.fn.writefile({ '# an empty config marks the project root' }, work .. '/copydesk.toml')

require('copydesk').setup({
  cmd = { bin, 'server' },
  settings = { referenceDate = '2025-03-10' },
  use_lsp_config = mode ~= 'legacy',
})

vim.cmd.edit(vim.fn.fnameescape(article))
local buf = vim.api.nvim_get_current_buf()
check(vim.bo[buf].filetype == 'markdown', 'filetype is ' .. vim.bo[buf].filetype)

-- 1. A client attaches.
local client
vim.wait(TIMEOUT_MS, function()
  client = vim.lsp.get_clients({ bufnr = buf, name = 'copydesk' })[1]
  return client ~= nil and client.initialized
end, 50)
if not client then
  die('no copydesk client attached to ' .. article .. ' (is the server missing or did it exit? see :LspLog)')
end
if not client.initialized then
  die('the copydesk client attached but the server never answered initialize')
end
local enc = client.offset_encoding
say('e2e: attached, root ' .. tostring(client.root_dir) .. ', position encoding ' .. tostring(enc))
check(client.root_dir == work, 'root_dir ' .. tostring(client.root_dir) .. ', expected ' .. work)
check(
  enc == 'utf-8' or enc == 'utf-16' or enc == 'utf-32',
  'unexpected position encoding ' .. tostring(enc)
)
-- Neovim offers utf-8 and the server prefers it: that is what must be negotiated.
check(enc == 'utf-8', 'expected the server to pick utf-8 (Neovim offers it), got ' .. tostring(enc))

-- 2. Diagnostics. Expected positions worked out by hand from the fixture:
--   line 2: "The harbour board voted on Monday, March 4, 2025, ..."
--           "Monday" starts after 27 ASCII characters: byte 27, UTF-16 27, UTF-32 27.
--   line 4: "📰 The café reopened on Saturday, March 6, 2025."
--           before "Saturday": 📰 (4 bytes, 2 UTF-16 units, 1 code point), a space, "The café reopened on "
--           (21 code points, 22 bytes as é takes 2): byte 27, UTF-16 24, UTF-32 23.
-- 4 March 2025 was a Tuesday and 6 March 2025 a Thursday.
local expected = {
  { rule = 'date/weekday', lnum = 2, byte = 27, char = { ['utf-8'] = 27, ['utf-16'] = 27, ['utf-32'] = 27 } },
  { rule = 'date/weekday', lnum = 4, byte = 27, char = { ['utf-8'] = 27, ['utf-16'] = 24, ['utf-32'] = 23 } },
}
-- Guard the hand-made numbers against an edited fixture.
local lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
check(lines[3]:find('Monday', 1, true) == 28, 'fixture line 2 changed: "Monday" is not at byte 27')
check(lines[5]:find('Saturday', 1, true) == 28, 'fixture line 4 changed: "Saturday" is not at byte 27')

local function copydesk_diags()
  local out = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if d.source == 'copydesk' then
      out[#out + 1] = d
    end
  end
  table.sort(out, function(a, b)
    return a.lnum < b.lnum or (a.lnum == b.lnum and a.col < b.col)
  end)
  return out
end

local function find(diags, want)
  for _, d in ipairs(diags) do
    if d.code == want.rule and d.lnum == want.lnum then
      return d
    end
  end
end

local got_all = vim.wait(TIMEOUT_MS, function()
  local diags = copydesk_diags()
  for _, want in ipairs(expected) do
    if not find(diags, want) then
      return false
    end
  end
  return true
end, 50)

local diags = copydesk_diags()
say('e2e: ' .. #diags .. ' copydesk diagnostic(s):')
for _, d in ipairs(diags) do
  say(string.format('  %d:%d %s %s', d.lnum, d.col, tostring(d.code), d.message))
end
if #diags == 0 then
  die('no diagnostics from copydesk within ' .. TIMEOUT_MS .. ' ms')
end
if not got_all then
  fail('the expected findings did not all arrive within ' .. TIMEOUT_MS .. ' ms')
end

local target
for _, want in ipairs(expected) do
  local d = find(diags, want)
  if check(d ~= nil, string.format('no %s diagnostic on line %d', want.rule, want.lnum)) then
    check(d.col == want.byte, string.format('%s on line %d: byte column %d, expected %d', want.rule, want.lnum, d.col, want.byte))
    local lsp = d.user_data and d.user_data.lsp
    if check(lsp ~= nil, 'diagnostic carries no LSP data') then
      local ch = lsp.range.start.character
      check(
        ch == want.char[enc],
        string.format('%s on line %d: LSP character %d, expected %d in %s', want.rule, want.lnum, ch, want.char[enc], enc)
      )
      check(lsp.source == 'copydesk', 'source is ' .. tostring(lsp.source))
    end
    check(d.severity ~= nil, 'diagnostic without severity')
    if want.lnum == 4 then
      target = d
    end
  end
end
-- The findings on the weekday lines are the expected ones and nothing else from the date family.
for _, d in ipairs(diags) do
  if type(d.code) == 'string' and d.code:match('^date/') and (d.lnum == 2 or d.lnum == 4) then
    check(d.code == 'date/weekday', string.format('unexpected %s on line %d', d.code, d.lnum))
  end
end
if not target then
  die('no diagnostic on the emoji line to request code actions for')
end

-- 3. Code actions for the emoji-line diagnostic, then apply the weekday fix.
local lsp_diag = target.user_data.lsp
local params = {
  textDocument = vim.lsp.util.make_text_document_params(buf),
  range = lsp_diag.range,
  context = { diagnostics = { lsp_diag }, only = { 'quickfix' } },
}
local responses = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', params, TIMEOUT_MS)
local actions = {}
for _, r in pairs(responses or {}) do
  if r.error then
    fail('codeAction error: ' .. vim.inspect(r.error))
  end
  for _, a in ipairs(r.result or {}) do
    actions[#actions + 1] = a
  end
end
say('e2e: ' .. #actions .. ' code action(s):')
for _, a in ipairs(actions) do
  say(string.format('  [%s]%s %s', tostring(a.kind), a.isPreferred and ' (preferred)' or '', a.title))
end
local fix
for _, a in ipairs(actions) do
  if a.title and a.title:find('Thursday', 1, true) then
    fix = a
  end
end
if not fix then
  die('no code action offers "Thursday" for the Saturday, March 6, 2025 finding')
end
check(fix.kind == 'quickfix', 'the weekday fix has kind ' .. tostring(fix.kind))
check(fix.isPreferred == true, 'the weekday fix (safe, the only fix) is not marked isPreferred')
if fix.edit == nil and fix.data ~= nil then
  -- Lazily resolved actions.
  local res = vim.lsp.buf_request_sync(buf, 'codeAction/resolve', fix, TIMEOUT_MS)
  for _, r in pairs(res or {}) do
    fix = r.result or fix
  end
end
if not fix.edit then
  die('the weekday fix has no edit')
end
local dc = fix.edit.documentChanges
if check(dc ~= nil and #dc >= 1, 'the edit has no documentChanges') then
  check(
    dc[1].textDocument.version == vim.lsp.util.buf_versions[buf],
    string.format('documentChanges version %s, buffer version %s', tostring(dc[1].textDocument.version), tostring(vim.lsp.util.buf_versions[buf]))
  )
end
vim.lsp.util.apply_workspace_edit(fix.edit, enc)

local want_lines = {
  '# Harbour budget passes after a late vote',
  '',
  'The harbour board voted on Monday, March 4, 2025, after a long debate.',
  '',
  '📰 The café reopened on Thursday, March 6, 2025.',
  '',
  'Board members agreed the dredging can start in April.',
}
local after = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
for i = 1, math.max(#after, #want_lines) do
  check(after[i] == want_lines[i], string.format('after the fix, line %d is %s, expected %s', i - 1, vim.inspect(after[i]), vim.inspect(want_lines[i])))
end

-- 4. The server re-checks the edited buffer: the emoji-line finding goes, the other stays.
local cleared = vim.wait(TIMEOUT_MS, function()
  local ds = copydesk_diags()
  return find(ds, expected[2]) == nil and find(ds, expected[1]) ~= nil
end, 50)
check(cleared, 'after the fix the diagnostics did not become: line 2 still flagged, line 4 clean')

if failures > 0 then
  io.stderr:write(string.format('e2e: %d failure(s)\n', failures))
  os.exit(1)
end
say('e2e: ok')
vim.lsp.stop_client(vim.lsp.get_clients())
os.exit(0)
