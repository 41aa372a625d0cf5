import {
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
  useId,
} from "react";

/**
 * The one look of a text input, select and text area. Width is the caller's (`w-full`, `w-28`...), and
 * so are height and padding through `size`: two classes for one property on an element would be
 * decided by stylesheet order, not by the markup.
 */
const INPUT_LOOK =
  "min-w-0 rounded-lg border border-slate-300 bg-white focus:border-brand-600 focus:outline-none aria-[invalid=true]:border-rose-500 aria-[invalid=true]:bg-rose-50";

/** A form's controls are a thumb high; a table's filter or a cell's choice is compact, in the text's size. */
const SIZES = { regular: "min-h-11 px-3 text-base", compact: "min-h-9 px-2" } as const;
type Size = keyof typeof SIZES;

export function Input({ className = "", ...props }: InputHTMLAttributes<HTMLInputElement>) {
  return <input className={`${SIZES.regular} ${INPUT_LOOK} ${className}`} {...props} />;
}

export function Select({
  size = "regular",
  className = "",
  ...props
}: Omit<SelectHTMLAttributes<HTMLSelectElement>, "size"> & { size?: Size }) {
  return <select className={`${SIZES[size]} ${INPUT_LOOK} ${className}`} {...props} />;
}

export function TextArea({ className = "", ...props }: TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return <textarea className={`px-3 py-2 text-base ${INPUT_LOOK} ${className}`} {...props} />;
}

/** A field's errors below it, read out when they change; its control names it in aria-describedby. */
export function FieldError({ id, errors, testId }: { id: string; errors: string[] | undefined; testId?: string }) {
  return (
    <p id={id} aria-live="polite" className="mt-1 text-sm text-rose-700" data-testid={testId}>
      {errors?.join(" ")}
    </p>
  );
}

/** What every labelled field takes: its label, a hint, its errors (and their test id), its box's classes. */
export type FieldProps = {
  label: ReactNode;
  hint?: ReactNode;
  errors?: string[];
  errorTestId?: string;
  className?: string;
};

/** What a Field hands its control: the ids that tie the label, the hint and the errors to it. */
export type FieldControlProps = {
  id: string;
  "aria-describedby": string;
  "aria-invalid": boolean;
};

/**
 * Label, control, hint and errors, wired together: the label's `htmlFor`, the control's `id`,
 * `aria-describedby` naming the hint and the error region, `aria-invalid` while there are errors
 * (which is also what `useActionRunner` focuses after a refusal).
 */
export function Field({
  label,
  hint,
  errors,
  errorTestId,
  className = "",
  children,
}: FieldProps & {
  children: (control: FieldControlProps) => ReactNode;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <div className={`text-sm ${className}`}>
      <label htmlFor={id} className="mb-1 block font-medium">
        {label}
      </label>
      {children({
        id,
        "aria-describedby": hint ? `${hintId} ${errorId}` : errorId,
        "aria-invalid": Boolean(errors?.length),
      })}
      {hint ? (
        <span id={hintId} className="mt-1 block text-xs text-slate-500">
          {hint}
        </span>
      ) : null}
      <FieldError id={errorId} errors={errors} testId={errorTestId} />
    </div>
  );
}

/**
 * A labelled text area for someone's own words (a contact's notes, evidence, a reason, a weekly text):
 * what is typed is user data, marked as Chinese like everywhere it is shown again, whatever the page's
 * language. Its call sites read alike by design: each form names only its label, limits and test id.
 */
export function WordsField({
  value,
  onChange,
  rows,
  maxLength,
  testId,
  textAreaClassName = "w-full",
  ...field
}: FieldProps & {
  value: string;
  onChange: (value: string) => void;
  rows: number;
  maxLength: number;
  testId?: string;
  textAreaClassName?: string;
}) {
  return (
    <Field {...field}>
      {(control) => (
        <TextArea
          {...control}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          rows={rows}
          maxLength={maxLength}
          lang="zh"
          className={textAreaClassName}
          data-testid={testId}
        />
      )}
    </Field>
  );
}

/**
 * A labelled field for a whole number or a number string (a year, a head count, a percentage, a mobile):
 * anything but digits is dropped as it is typed, and a phone keyboard shows digits. Its call sites, like
 * WordsField's, read alike by design.
 */
export function DigitsField({
  value,
  onChange,
  maxDigits,
  inputMode = "numeric",
  testId,
  inputClassName = "w-28",
  ...field
}: FieldProps & {
  value: string;
  onChange: (digits: string) => void;
  maxDigits: number;
  inputMode?: "numeric" | "tel";
  testId?: string;
  inputClassName?: string;
}) {
  return (
    <Field {...field}>
      {(control) => (
        <Input
          {...control}
          value={value}
          onChange={(event) => onChange(event.target.value.replace(/\D/g, "").slice(0, maxDigits))}
          inputMode={inputMode}
          className={`${inputClassName} tabular-nums`}
          data-testid={testId}
        />
      )}
    </Field>
  );
}

/**
 * A labelled one-line text field. By default for someone's own words (a name, a department): user data,
 * marked as Chinese like WordsField. `code` is for what is typed as a code, a login above all: no
 * capitals, completion or spell-checking forced on it. `list` names a datalist of suggestions.
 */
export function TextField({
  value,
  onChange,
  maxLength,
  code = false,
  list,
  testId,
  inputClassName = "w-full",
  ...field
}: FieldProps & {
  value: string;
  onChange: (value: string) => void;
  maxLength: number;
  code?: boolean;
  list?: string;
  testId?: string;
  inputClassName?: string;
}) {
  return (
    <Field {...field}>
      {(control) => (
        <Input
          {...control}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          maxLength={maxLength}
          list={list}
          {...(code ? { autoCapitalize: "none", autoComplete: "off", spellCheck: false } : { lang: "zh" })}
          className={inputClassName}
          data-testid={testId}
        />
      )}
    </Field>
  );
}

/** One choice of a ChoiceField; `lang` marks a choice that is user data (a region someone typed once). */
export interface Choice {
  value: string;
  label: string;
  lang?: string;
}

/**
 * A labelled select of fixed choices, led by an empty one (`emptyLabel`: "—", "请选择", "不进入人员库")
 * that stands for "not chosen".
 */
export function ChoiceField({
  value,
  onChange,
  choices,
  emptyLabel,
  testId,
  selectClassName = "w-full",
  ...field
}: FieldProps & {
  value: string;
  onChange: (value: string) => void;
  choices: readonly Choice[];
  emptyLabel: string;
  testId?: string;
  selectClassName?: string;
}) {
  return (
    <Field {...field}>
      {(control) => (
        <Select
          {...control}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          className={selectClassName}
          data-testid={testId}
        >
          <option value="">{emptyLabel}</option>
          {choices.map((choice) => (
            <option key={choice.value} value={choice.value} lang={choice.lang}>
              {choice.label}
            </option>
          ))}
        </Select>
      )}
    </Field>
  );
}

/** A labelled calendar day ("2024-07-15"), at the latest `max` (today, for what has happened). */
export function DayField({
  value,
  onChange,
  max,
  testId,
  inputClassName = "w-full",
  ...field
}: FieldProps & {
  value: string;
  onChange: (day: string) => void;
  max?: string;
  testId?: string;
  inputClassName?: string;
}) {
  return (
    <Field {...field}>
      {(control) => (
        <Input
          {...control}
          type="date"
          value={value}
          max={max}
          onChange={(event) => onChange(event.target.value)}
          className={inputClassName}
          data-testid={testId}
        />
      )}
    </Field>
  );
}
