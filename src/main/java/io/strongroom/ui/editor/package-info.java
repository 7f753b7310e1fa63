/**
 * Changing secrets safely: the create, new-value, edit and delete dialogs, the list of scheduled
 * deletions with Restore.
 *
 * <h2>Decisions</h2>
 * <ul>
 *   <li><b>One write command.</b> Every change is a
 *       {@link io.strongroom.service.journal.SecretMutation} record (scope, secret, value-free
 *       journal details) handed to {@link io.strongroom.service.journal.SecretMutations#apply}; the
 *       action journal and the read-only guard each wrap that one method. No console class calls
 *       a writing method of {@code SecretsService} (the architecture test checks the sources).</li>
 *   <li><b>Nothing is sent until valid.</b> View models check AWS's rules on every change
 *       ({@link io.strongroom.ui.editor.SecretRules}, {@link io.strongroom.ui.editor.JsonValues}) and
 *       their commands refuse while a problem stands. Problems never quote a value.</li>
 *   <li><b>Values are transient.</b> Editors type into masked fields by default, wipe their
 *       content after a save or when closed, and a password comes from GetRandomPassword straight
 *       into the field that asked for it.</li>
 *   <li><b>Idempotent saves.</b> A request token belongs to one composed request: a retry of the
 *       same input reuses it (no second version), any edit makes a new one.</li>
 *   <li><b>Dialogs close on success only.</b> The primary button runs the command in the
 *       background; a failure stays in the dialog with scope, AWS code, message and request ID.</li>
 *   <li><b>One command shape.</b> Each dialog's view model is an
 *       {@link io.strongroom.ui.editor.EditorDialogModel}, which owns the shared
 *       {@link io.strongroom.ui.common.DialogCommand} (problem, can…, busy, error, progress, result,
 *       the read-only refusal, latest wins) and {@code submit()}, and keeps only its inputs, its
 *       validation and the call it sends; the dialogs on an existing secret (new value, edit,
 *       delete) are {@link io.strongroom.ui.editor.ChangeSecretModel}s. {@code EditorDialog.wire(vm)}
 *       binds a dialog to it.</li>
 *   <li><b>Text through the injected {@link io.strongroom.ui.common.Texts}.</b> Views and view
 *       models read {@code EditorContext.texts()} (this package's {@code messages.properties} with
 *       fallback to the shared strings). The rules and value helpers that the secret detail also
 *       uses take the texts they speak in ({@code new SecretRules(texts)},
 *       {@code JsonValues.check(text, texts)}, {@code KmsKeyChoice.detail(texts)}) and read this
 *       package's bundle through {@code texts.in(EditorContext.MESSAGES)}; nothing here loads a
 *       bundle itself.</li>
 *   <li><b>Forced deletion is typed.</b> {@code DialogService.confirmByTyping} with the secret's
 *       exact name; a recoverable deletion (7-30 days) is confirmed by the dialog itself.</li>
 * </ul>
 */
package io.strongroom.ui.editor;
