"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { type ActionResult, firstError } from "@/lib/action/result";

/** Runs a server action from a form: pending state, the first error in Chinese, a refresh on success. */
export function useActionRunner() {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});

  async function run<T>(call: () => Promise<ActionResult<T>>): Promise<T | null> {
    setPending(true);
    setError(null);
    setFieldErrors({});
    try {
      const result = await call();
      if (result.ok) {
        router.refresh();
        return result.data;
      }
      setError(firstError(result));
      setFieldErrors(result.fieldErrors ?? {});
      return null;
    } finally {
      setPending(false);
    }
  }

  return { run, pending, error, fieldErrors };
}
