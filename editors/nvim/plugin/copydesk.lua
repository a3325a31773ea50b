-- copydesk: nothing starts until you call require("copydesk").setup{} (or, on Neovim 0.11+,
-- vim.lsp.enable("copydesk"), which reads lsp/copydesk.lua from this plugin).
if vim.g.loaded_copydesk then
  return
end
vim.g.loaded_copydesk = true

vim.api.nvim_create_user_command('CopydeskRestart', function()
  require('copydesk').restart()
end, { desc = 'Restart the copydesk language server' })
