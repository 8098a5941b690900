"use client";

/**
 * Moves focus to the element with this id once it is on the page and shown: the result
 * of an action (a new comment, a resolved thread) arrives with the refreshed page, after
 * the component that asked may itself have been replaced. Gives up after a few seconds.
 */
export function focusWhenShown(id: string, timeoutMs = 5000) {
  const until = Date.now() + timeoutMs;
  const attempt = () => {
    const element = document.getElementById(id);
    if (element && element.getClientRects().length > 0) {
      element.focus();
      if (document.activeElement === element) return;
    }
    if (Date.now() < until) requestAnimationFrame(attempt);
  };
  attempt();
}
