// Browser entry: mounts the counter app, or — in the window the shell opens at `#/rating` on
// the customer monitor — the applicant's rating screen alone (no menu, no login).
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app/App";
import { RATING_HASH, RatingApp } from "./features/rating/RatingApp";

const root = document.getElementById("root");
if (!root) throw new Error("#root element missing from index.html");

createRoot(root).render(
  <StrictMode>{window.location.hash === RATING_HASH ? <RatingApp /> : <App />}</StrictMode>,
);
