" copydesk for Vim + ALE: source this file after ALE is loaded, e.g. in your vimrc:
"   packadd! ale
"   source ~/src/copydesk/editors/vim/copydesk.vim
" Settings: g:copydesk_executable (default 'copydesk'), g:copydesk_settings (the keys of
" docs/settings.md, sent as initializationOptions), both read when this file is sourced.
for s:ft in ['markdown', 'text']
  call ale#linter#Define(s:ft, {
  \   'name': 'copydesk',
  \   'lsp': 'stdio',
  \   'executable': get(g:, 'copydesk_executable', 'copydesk'),
  \   'command': '%e server',
  \   'project_root': {buffer -> fnamemodify(bufname(buffer), ':p:h')},
  \   'initialization_options': get(g:, 'copydesk_settings', {}),
  \   'language': s:ft ==# 'text' ? 'plaintext' : 'markdown',
  \})
endfor
