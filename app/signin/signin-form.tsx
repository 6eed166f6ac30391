"use client";
import Link from "next/link";
import { markArrival } from "@/app/_components/shell/arrival-focus";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { Field } from "@/app/_components/ui/field";
import { Notice } from "@/app/_components/ui/feedback";

// The server's answer when the password matched and the account has two-factor on
// (lib/identity/two-factor/sign-in-step.ts); kept as a literal so this client file imports no server code.
const TWO_FACTOR_NEEDED = "TWO_FACTOR_NEEDED";

export function SignInForm({ next, resetDone }: { next: string; resetDone: boolean }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [code, setCode] = useState("");
  // One Credentials call checks password and code together; the code step appears only after
  // the server has said the password was right and a code is needed.
  const [step, setStep] = useState<"password" | "code">("password");
  const codeRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (step === "code") codeRef.current?.focus();
  }, [step, error]);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
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
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
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
            name="email"
            type="email"
            autoComplete="username"
            required
            autoFocus
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
          <Field
            label="Password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </>
      ) : (
        <>
          <p className="text-sm text-ink">
            Signing in as <strong>{email}</strong>. Open your authenticator app and enter the 6-digit code for Knotwork.
          </p>
          <Field
            ref={codeRef}
            label="Authentication code"
            name="code"
            inputMode="text"
            autoComplete="one-time-code"
            required
            value={code}
            onChange={(e) => setCode(e.target.value)}
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
              setCode("");
              setPassword("");
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
