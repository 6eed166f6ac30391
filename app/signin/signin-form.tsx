"use client";
import Link from "next/link";
import { markArrival } from "@/app/_components/shell/arrival-focus";
import { signIn } from "@/app/_lib/auth-client";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/app/_components/ui/button";
import { Field } from "@/app/_components/ui/field";
import { Notice } from "@/app/_components/ui/feedback";

// The server's answer when the password matched and the account has two-factor on
// (lib/identity/two-factor/sign-in-step.ts); kept as a literal so this client file imports no server code.
const TWO_FACTOR_NEEDED = "TWO_FACTOR_NEEDED";

interface Values {
  email: string;
  password: string;
  code: string;
}

export function SignInForm({ next, resetDone }: { next: string; resetDone: boolean }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // react-hook-form with its own `register` rules and no zodResolver: issue #16 keeps zod out of
  // the sign-in page's bundle (the first page anyone loads). The server checks the credentials.
  const form = useForm<Values>({ defaultValues: { email: "", password: "", code: "" } });
  const { errors } = form.formState;
  // One Credentials call checks password and code together; the code step appears only after
  // the server has said the password was right and a code is needed.
  const [step, setStep] = useState<"password" | "code">("password");
  const { setFocus } = form;
  useEffect(() => {
    if (step === "code") setFocus("code");
  }, [step, error, setFocus]);

  async function onSubmit({ email, password, code }: Values) {
    setBusy(true);
    setError(null);
    const result = await signIn("credentials", {
      email,
      password,
      ...(step === "code" ? { code } : {}),
      redirect: false,
    });
    if (result?.error === TWO_FACTOR_NEEDED) {
      setBusy(false);
      setStep("code");
      return;
    }
    if (!result || result.error) {
      setBusy(false);
      setError(
        result?.error && result.error !== "CredentialsSignin"
          ? result.error
          : "That email and password do not match an account.",
      );
      return;
    }
    markArrival();
    router.replace(next);
    router.refresh();
  }

  return (
    <form onSubmit={form.handleSubmit(onSubmit)} className="space-y-4" noValidate>
      {resetDone ? <Notice tone="success">Your password has been changed. Sign in with the new one.</Notice> : null}
      {error ? (
        <Notice tone="danger" testId="signin-error">
          {error}
        </Notice>
      ) : null}
      {step === "password" ? (
        <>
          <Field
            label="Email"
            type="email"
            autoComplete="username"
            required
            autoFocus
            error={errors.email?.message}
            {...form.register("email", { required: "Enter your email address." })}
          />
          <Field
            label="Password"
            type="password"
            autoComplete="current-password"
            required
            error={errors.password?.message}
            {...form.register("password", { required: "Enter your password." })}
          />
        </>
      ) : (
        <>
          <p className="text-sm text-ink">
            Signing in as <strong>{form.getValues("email")}</strong>. Open your authenticator app and enter the 6-digit
            code for Knotwork.
          </p>
          <Field
            label="Authentication code"
            inputMode="text"
            autoComplete="one-time-code"
            required
            error={errors.code?.message}
            {...form.register("code", { required: "Enter the code from your app, or a recovery code." })}
            hint="Lost your phone? Enter one of your recovery codes instead."
          />
        </>
      )}
      <Button type="submit" busy={busy} className="w-full">
        {step === "password" ? "Sign in" : "Verify and sign in"}
      </Button>
      <p className="text-center text-sm">
        {step === "password" ? (
          <Link href="/reset-password" className="text-accent-700 underline underline-offset-2">
            Forgot your password?
          </Link>
        ) : (
          <button
            type="button"
            className="text-accent-700 underline underline-offset-2"
            onClick={() => {
              setStep("password");
              form.reset({ email: form.getValues("email"), password: "", code: "" });
              setError(null);
            }}
          >
            Start again
          </button>
        )}
      </p>
    </form>
  );
}
