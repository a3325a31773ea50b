-- :checkhealth copydesk in headless Neovim: the report must find the binary and its version,
-- name the Neovim version, list the settings, and contain no ERROR; with a missing binary it
-- must say ERROR and how to install.
local here = vim.fs.dirname(vim.fs.normalize(debug.getinfo(1, 'S').source:sub(2)))
local plugin_dir = vim.fs.dirname(here)
vim.opt.runtimepath:prepend(plugin_dir)
vim.cmd('runtime! plugin/copydesk.lua')

local bin = os.getenv('COPYDESK_BIN')
if not bin or bin == '' then
  io.stderr:write('FAIL: set COPYDESK_BIN\n')
  os.exit(1)
end

local failures = 0
local function check(cond, msg)
  if not cond then
    io.stderr:write('FAIL: ' .. msg .. '\n')
    failures = failures + 1
  end
end

local function report()
  vim.cmd('silent checkhealth copydesk')
  local text = table.concat(vim.api.nvim_buf_get_lines(0, 0, -1, false), '\n')
  vim.cmd('bwipeout!')
  return text
end

require('copydesk').setup({ cmd = { bin, 'server' }, settings = { referenceDate = '2025-03-10' } })
local good = report()
io.stdout:write(good .. '\n')
local version = vim.trim(vim.fn.system({ bin, '--version' }))
check(good:find('found ' .. bin, 1, true) ~= nil, 'report does not say it found ' .. bin)
check(good:find('version: ' .. version, 1, true) ~= nil, 'report does not show ' .. version)
check(good:find('Neovim ' .. vim.version().major .. '.' .. vim.version().minor, 1, true) ~= nil, 'report lacks the Neovim version')
check(good:find('2025-03-10', 1, true) ~= nil, 'report does not show the settings')
check(good:find('ERROR', 1, true) == nil, 'report has an ERROR with a working setup')

require('copydesk').setup({ cmd = { '/nonexistent/copydesk', 'server' }, settings = { colour = 'blue' } })
local bad = report()
io.stdout:write(bad .. '\n')
check(bad:find('ERROR', 1, true) ~= nil, 'no ERROR for a missing binary')
check(bad:find('cargo install --locked --path .', 1, true) ~= nil, 'no install advice for a missing binary')
check(bad:find('unknown settings', 1, true) ~= nil and bad:find('colour', 1, true) ~= nil, 'unknown setting not reported')

if failures > 0 then
  os.exit(1)
end
io.stdout:write('health: ok\n')
os.exit(0)
