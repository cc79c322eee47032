/*! Compute Coverage: embeds moved to embed/ (README, "Embedding"). Published snippets point at
 * the calculator's address with ?embed=…; this runs before the calculator's wasm is requested
 * and sends such a frame to the embed page, keeping the query and the scenario fragment. */
if (/(^|[?&])embed=/.test(location.search.slice(1))) {
  // Stop parsing this page first, so its loader never starts the calculator's download.
  stop();
  location.replace('embed/' + location.search + location.hash);
}
