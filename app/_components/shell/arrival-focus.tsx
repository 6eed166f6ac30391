"use client";
import { useEffect } from "react";

const FLAG = "knotwork:focus-main";

/** Called by the sign-in form just before it navigates away, so the next page takes focus. */
export function markArrival() {
  try {
    sessionStorage.setItem(FLAG, "1");
  } catch {
    // Storage can be disabled; focus then stays where the browser puts it.
  }
}

/**
 * After signing in, focus lands on the page's main heading (else the main region) instead of being
 * dropped on <body> when the form unmounts: a screen-reader user hears where they arrived and the
 * next Tab starts in the content. The heading may stream in after a loading skeleton, so this
 * waits for it (briefly) with a MutationObserver.
 */
export function ArrivalFocus() {
  useEffect(() => {
    let flagged = false;
    try {
      flagged = sessionStorage.getItem(FLAG) === "1";
      sessionStorage.removeItem(FLAG);
    } catch {
      return;
    }
    if (!flagged) return;
    const main = document.getElementById("main");
    if (!main) return;
    const tryFocus = () => {
      const heading = main.querySelector<HTMLElement>("h1");
      if (!heading) return false;
      if (!heading.hasAttribute("tabindex")) heading.setAttribute("tabindex", "-1");
      heading.focus();
      return true;
    };
    if (tryFocus()) return;
    const observer = new MutationObserver(() => {
      if (tryFocus()) stop();
    });
    const timer = window.setTimeout(() => {
      stop();
      if (!main.hasAttribute("tabindex")) main.setAttribute("tabindex", "-1");
      main.focus();
    }, 5000);
    function stop() {
      observer.disconnect();
      window.clearTimeout(timer);
    }
    observer.observe(main, { childList: true, subtree: true });
    return stop;
  }, []);
  return null;
}
