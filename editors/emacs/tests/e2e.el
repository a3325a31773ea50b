;;; e2e.el --- copydesk under Emacs eglot, in batch  -*- lexical-binding: t; -*-
;;
;;   COPYDESK_BIN=target/debug/copydesk emacs --batch -Q -l editors/emacs/tests/e2e.el
;;
;; Opens the Neovim suite's fixture (editors/nvim/tests/fixtures/harbour.md) with eglot and the
;; real server, waits for the diagnostics, checks rule ids and positions (a line where an emoji
;; and an accented letter come before the finding), runs the weekday code action and checks the
;; buffer text, then that the finding goes away.  Exits 1 on any mismatch.
;;
;; Emacs has no Markdown mode built in (markdown-mode comes from MELPA or Debian's
;; elpa-markdown-mode, which does not install beside the backported Emacs 30), so a stand-in
;; `markdown-mode' derived from `text-mode' is defined here: eglot names the language after the
;; mode, so the server sees languageId "markdown" just as with the real package.

(require 'eglot)
(require 'cl-lib)

(defvar e2e-failures 0)
(defconst e2e-timeout 20)

(defun e2e-say (fmt &rest args)
  (princ (concat (apply #'format fmt args) "\n")))

(defun e2e-fail (fmt &rest args)
  (message "FAIL: %s" (apply #'format fmt args))
  (cl-incf e2e-failures))

(defun e2e-finish ()
  (if (> e2e-failures 0)
      (progn (message "emacs e2e: %d failure(s)" e2e-failures) (kill-emacs 1))
    (e2e-say "emacs e2e: ok")
    (kill-emacs 0)))

(defun e2e-die (fmt &rest args)
  (apply #'e2e-fail fmt args)
  (e2e-finish))

(defun e2e-check (ok fmt &rest args)
  (unless ok (apply #'e2e-fail fmt args))
  ok)

(defun e2e-wait (pred what)
  "Poll PRED while reading the server's output, for at most `e2e-timeout' seconds."
  (let ((deadline (+ (float-time) e2e-timeout)))
    (while (and (not (funcall pred)) (< (float-time) deadline))
      (accept-process-output nil 0.05))
    (or (funcall pred)
        (progn (e2e-fail "%s within %d s" what e2e-timeout) nil))))

(define-derived-mode markdown-mode text-mode "Markdown"
  "Stand-in for the markdown-mode package (see the header).")
(add-to-list 'auto-mode-alist '("\\.md\\'" . markdown-mode))

(let ((bin (getenv "COPYDESK_BIN")))
  (unless (and bin (not (string-empty-p bin)))
    (e2e-die "set COPYDESK_BIN to the copydesk binary to test"))
  (setq bin (expand-file-name bin))
  ;; The snippet of editors/README.md, with the binary as an absolute path.
  (setq eglot-server-programs
        `((((markdown-mode :language-id "markdown") (text-mode :language-id "plaintext"))
           . (,bin "server" :initializationOptions (:referenceDate "2025-03-10")))))
  (setq eglot-confirm-server-edits nil
        eglot-sync-connect t
        eglot-autoshutdown t)
  (e2e-say "emacs e2e: Emacs %s, eglot %s, server %s" emacs-version (or (bound-and-true-p eglot-version) "built in") bin))

(defconst e2e-here (file-name-directory (or load-file-name buffer-file-name)))
(defconst e2e-fixture (expand-file-name "../../nvim/tests/fixtures/harbour.md" e2e-here))

(let* ((work (make-temp-file "copydesk-emacs-" t))
       (article (expand-file-name "harbour.md" work)))
  (copy-file e2e-fixture article)
  (with-temp-file (expand-file-name "copydesk.toml" work) (insert "# marks the project root\n"))
  (find-file article)
  (e2e-check (eq major-mode 'markdown-mode) "major mode is %s" major-mode)
  (condition-case err
      (apply #'eglot (eglot--guess-contact))
    (error (e2e-die "eglot could not start the server: %s" (error-message-string err))))
  (let ((server (eglot-current-server)))
    (unless (and server (jsonrpc-running-p server))
      (e2e-die "no running copydesk server for %s (is the binary missing, or did it exit?)" article))
    (let* ((enc (or (plist-get (eglot--capabilities server) :positionEncoding) "utf-16")))
      (e2e-say "emacs e2e: connected, position encoding %s" enc)
      ;; eglot offers utf-32, utf-8 and utf-16; the server prefers utf-8.
      (e2e-check (equal enc "utf-8") "expected utf-8 to be negotiated, got %s" enc)
      ;; Expected positions, worked out by hand (see editors/nvim/tests/e2e.lua): line 2 "Monday" at
      ;; 27 in every unit; line 4 "Saturday" after "📰 The café reopened on ": 27 bytes,
      ;; 24 UTF-16 units, 23 code points.  Emacs counts code points in the buffer.
      (let* ((expected
              `(("date/weekday" 2 27 ,(pcase enc ("utf-8" 27) ("utf-16" 27) (_ 27)))
                ("date/weekday" 4 23 ,(pcase enc ("utf-8" 27) ("utf-16" 24) (_ 23)))))
             (diags
              (lambda ()
                (mapcar
                 (lambda (d)
                   (let* ((spec (alist-get 'eglot-lsp-diag (flymake-diagnostic-data d)))
                          (beg (flymake-diagnostic-beg d)))
                     (save-excursion
                       (goto-char beg)
                       (list (plist-get spec :code)
                             (1- (line-number-at-pos beg))
                             (- beg (line-beginning-position))
                             (plist-get (plist-get (plist-get spec :range) :start) :character)
                             spec
                             (flymake-diagnostic-text d)))))
                 eglot--diagnostics)))
             (find (lambda (ds rule line)
                     (cl-find-if (lambda (d) (and (equal (nth 0 d) rule) (= (nth 1 d) line))) ds))))
        (e2e-wait (lambda ()
                    (let ((ds (funcall diags)))
                      (cl-every (lambda (w) (funcall find ds (nth 0 w) (nth 1 w))) expected)))
                  "the expected diagnostics did not all arrive")
        (let ((ds (funcall diags)))
          (e2e-say "emacs e2e: %d diagnostic(s):" (length ds))
          (dolist (d ds) (e2e-say "  %d:%d %s %s" (nth 1 d) (nth 2 d) (nth 0 d) (nth 5 d)))
          (when (null ds) (e2e-die "no diagnostics from copydesk"))
          (dolist (w expected)
            (let ((d (funcall find ds (nth 0 w) (nth 1 w))))
              (when (e2e-check d "no %s diagnostic on line %d" (nth 0 w) (nth 1 w))
                (e2e-check (= (nth 2 d) (nth 2 w)) "%s line %d: buffer column %d, expected %d"
                           (nth 0 w) (nth 1 w) (nth 2 d) (nth 2 w))
                (e2e-check (= (nth 3 d) (nth 3 w)) "%s line %d: LSP character %d, expected %d in %s"
                           (nth 0 w) (nth 1 w) (nth 3 d) (nth 3 w) enc))))
          (let* ((target (funcall find ds "date/weekday" 4))
                 (spec (and target (nth 4 target))))
            (unless spec (e2e-die "no diagnostic on the emoji line to ask code actions for"))
            (let* ((actions (append (jsonrpc-request
                                     server :textDocument/codeAction
                                     (list :textDocument (eglot--TextDocumentIdentifier)
                                           :range (plist-get spec :range)
                                           :context (list :diagnostics (vector spec) :only ["quickfix"])))
                                    nil))
                   (fix (cl-find-if (lambda (a) (string-match-p "Thursday" (plist-get a :title))) actions)))
              (e2e-say "emacs e2e: %d code action(s):" (length actions))
              (dolist (a actions) (e2e-say "  [%s] %s" (plist-get a :kind) (plist-get a :title)))
              (unless fix (e2e-die "no code action offers Thursday"))
              (eglot-execute server fix)
              (let ((want (concat "# Harbour budget passes after a late vote\n\n"
                                  "The harbour board voted on Monday, March 4, 2025, after a long debate.\n\n"
                                  "📰 The café reopened on Thursday, March 6, 2025.\n\n"
                                  "Board members agreed the dredging can start in April.\n"))
                    (got (buffer-substring-no-properties (point-min) (point-max))))
                (e2e-check (equal got want) "after the fix the buffer is:\n%s\nexpected:\n%s" got want))
              (eglot--signal-textDocument/didChange)
              (e2e-wait (lambda ()
                          (let ((ds (funcall diags)))
                            (and (null (funcall find ds "date/weekday" 4))
                                 (funcall find ds "date/weekday" 2))))
                        "after the fix, line 4 was not cleared (or line 2 lost its finding)"))))))))
(e2e-finish)
;;; e2e.el ends here
