" Vim + ALE against the real copydesk server, headless:
"   COPYDESK_BIN=target/debug/copydesk vim -N -u NONE -i NONE -Es -S editors/vim/tests/ale-e2e.vim
" Opens the Neovim suite's fixture, waits for ALE's copydesk findings and checks rule ids and
" positions (1-based byte columns, as ALE reports them; on line 5 an emoji and an accented letter
" come before the finding). Writes FAIL lines and exits 1 on any mismatch.
let s:here = expand('<sfile>:p:h')
let s:failures = []
function! s:Fail(msg) abort
  call add(s:failures, 'FAIL: ' . a:msg)
endfunction
function! s:Finish() abort
  call writefile(s:failures, '/dev/stderr', 'a')
  if empty(s:failures)
    call writefile(['ale e2e: ok'], '/dev/stdout', 'a')
    qall!
  endif
  cquit!
endfunction

set nocompatible
set packpath+=/usr/share/vim/vimfiles
packadd ale
filetype plugin on
if empty($COPYDESK_BIN)
  call s:Fail('set COPYDESK_BIN')
  call s:Finish()
endif
let g:copydesk_executable = $COPYDESK_BIN
let g:copydesk_settings = {'referenceDate': '2025-03-10'}
execute 'source ' . fnameescape(s:here . '/../copydesk.vim')
let g:ale_linters = {'markdown': ['copydesk'], 'text': ['copydesk']}

let s:work = tempname()
call mkdir(s:work, 'p')
call writefile(readfile(s:here . '/../../nvim/tests/fixtures/harbour.md', 'b'), s:work . '/harbour.md', 'b')
execute 'edit ' . fnameescape(s:work . '/harbour.md')
ALELint
" Expected, by hand: line 3 'Monday' after 27 ASCII bytes -> col 28.
" Line 5: Debian's ALE offers no positionEncodings, so the server speaks UTF-16, and ALE takes the
" LSP `character` as a byte column (character + 1). 'Saturday' follows 📰 (2 UTF-16 units), a space
" and 'The café reopened on ' (21 units) -> character 24 -> ALE col 25, three bytes left of the
" true byte column 28. This pins ALE's known limitation (editors/README.md says so); a change on
" either side makes this test fail and gets looked at.
let s:expected = [['date/weekday', 3, 28], ['date/weekday', 5, 25]]
function! s:Find(list, rule, lnum) abort
  for l:d in a:list
    if get(l:d, 'code', '') ==# a:rule && l:d.lnum == a:lnum
      return l:d
    endif
  endfor
  return {}
endfunction
function! s:AllThere() abort
  let l:list = ale#engine#GetLoclist(bufnr(''))
  for [l:rule, l:lnum, l:col] in s:expected
    if empty(s:Find(l:list, l:rule, l:lnum))
      return 0
    endif
  endfor
  return 1
endfunction
for s:i in range(200)
  if s:AllThere() | break | endif
  sleep 100m
endfor
let s:list = ale#engine#GetLoclist(bufnr(''))
call writefile(['ale e2e: ' . len(s:list) . ' finding(s)'] + map(copy(s:list), {_, d -> printf('  %d:%d %s %s', d.lnum, d.col, get(d, 'code', ''), d.text)}), '/dev/stdout', 'a')
if empty(s:list)
  call s:Fail('no diagnostics from copydesk within 20 s (is the server missing?)')
endif
for [s:rule, s:lnum, s:col] in s:expected
  let s:d = s:Find(s:list, s:rule, s:lnum)
  if empty(s:d)
    call s:Fail(printf('no %s on line %d', s:rule, s:lnum))
  elseif s:d.col != s:col
    call s:Fail(printf('%s on line %d: col %d, expected %d', s:rule, s:lnum, s:d.col, s:col))
  endif
endfor
call s:Finish()
