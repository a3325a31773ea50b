-- copydesk for Neovim: `require("copydesk").setup{}`.
--
-- Neovim 0.11+: registers the config of lsp/copydesk.lua (merged with your options) through
-- vim.lsp.config and turns it on with vim.lsp.enable.
-- Neovim 0.9/0.10: starts the same config with vim.lsp.start on the FileType event.
local M = {}

M.name = 'copydesk'

---The default config, read from lsp/copydesk.lua on the runtimepath (one source of truth).
---@return table
function M.default_config()
  local files = vim.api.nvim_get_runtime_file('lsp/copydesk.lua', false)
  if #files == 0 then
    error('copydesk: lsp/copydesk.lua is not on the runtimepath (is the plugin installed?)')
  end
  return dofile(files[1])
end

---@class copydesk.Options
---@field cmd? string[]          command that starts the server (default { "copydesk", "server" })
---@field filetypes? string[]    default { "markdown", "text" }
---@field root_markers? string[] default { "copydesk.toml", ".copydesk.toml", ".git" }
---@field settings? table        the copydesk section (docs/settings.md): referenceDate, rules, ...
---@field on_attach? fun(client: table, bufnr: integer)
---@field capabilities? table
---@field use_lsp_config? boolean  on 0.11+, false forces the vim.lsp.start path (default true)

---Merge user options into the default config.
---@param opts copydesk.Options|nil
---@return table
function M.config(opts)
  opts = opts or {}
  local cfg = M.default_config()
  for _, key in ipairs({ 'cmd', 'filetypes', 'root_markers', 'on_attach' }) do
    if opts[key] ~= nil then
      cfg[key] = opts[key]
    end
  end
  if opts.capabilities ~= nil then
    cfg.capabilities = vim.tbl_deep_extend('force', cfg.capabilities or {}, opts.capabilities)
  end
  if opts.settings ~= nil then
    -- vim.empty_dict() first: an empty result must still be sent as a JSON object, not `[]`.
    cfg.settings = {
      copydesk = vim.tbl_deep_extend('force', vim.empty_dict(), cfg.settings.copydesk or vim.empty_dict(), opts.settings),
    }
  end
  return cfg
end

local function has_lsp_config()
  return vim.fn.has('nvim-0.11') == 1 and vim.lsp.config ~= nil and vim.lsp.enable ~= nil
end

---The project root for a buffer: the folder of the nearest root marker, else the file's folder.
---@param bufnr integer
---@param markers string[]
---@return string|nil
function M.root_dir(bufnr, markers)
  local name = vim.api.nvim_buf_get_name(bufnr)
  if name == '' then
    return vim.fn.getcwd()
  end
  local start = vim.fs.dirname(name)
  local found = vim.fs.find(markers, { upward = true, path = start })[1]
  return found and vim.fs.dirname(found) or start
end

---Start (or reuse) the client for one buffer: the 0.9/0.10 path.
---@param cfg table
---@param bufnr integer
function M.start(cfg, bufnr)
  local start_cfg = {
    name = M.name,
    cmd = cfg.cmd,
    root_dir = M.root_dir(bufnr, cfg.root_markers),
    settings = cfg.settings,
    init_options = vim.tbl_deep_extend(
      'force',
      vim.empty_dict(),
      cfg.init_options or vim.empty_dict(),
      cfg.settings.copydesk or vim.empty_dict()
    ),
    on_attach = cfg.on_attach,
    -- Older versions do not merge a partial table into the defaults: do it here.
    capabilities = vim.tbl_deep_extend('force', vim.lsp.protocol.make_client_capabilities(), cfg.capabilities or {}),
  }
  return vim.lsp.start(start_cfg, { bufnr = bufnr })
end

local augroup

---@param opts copydesk.Options|nil
function M.setup(opts)
  opts = opts or {}
  local cfg = M.config(opts)
  M.options = cfg
  if has_lsp_config() and opts.use_lsp_config ~= false then
    vim.lsp.config(M.name, cfg)
    vim.lsp.enable(M.name)
    return
  end
  augroup = vim.api.nvim_create_augroup('copydesk', { clear = true })
  vim.api.nvim_create_autocmd('FileType', {
    group = augroup,
    pattern = cfg.filetypes,
    callback = function(args)
      M.start(cfg, args.buf)
    end,
  })
  -- Buffers already open when setup runs.
  for _, buf in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(buf) and vim.tbl_contains(cfg.filetypes, vim.bo[buf].filetype) then
      M.start(cfg, buf)
    end
  end
end

---The running copydesk clients.
function M.clients()
  local get = vim.lsp.get_clients or vim.lsp.get_active_clients
  return get({ name = M.name })
end

---Stop the clients and start them again for every matching buffer.
function M.restart()
  local bufs = {}
  for _, client in ipairs(M.clients()) do
    for buf in pairs(client.attached_buffers or {}) do
      bufs[#bufs + 1] = buf
    end
    client.stop()
  end
  vim.defer_fn(function()
    for _, buf in ipairs(bufs) do
      if vim.api.nvim_buf_is_valid(buf) then
        if has_lsp_config() and (M.options == nil or vim.lsp.config[M.name] ~= nil) then
          vim.api.nvim_exec_autocmds('FileType', { buffer = buf })
        else
          M.start(M.options or M.config(), buf)
        end
      end
    end
  end, 200)
end

return M
