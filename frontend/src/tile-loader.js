// Where the heatmap's matrices come from (no DOM): each order's matrix is fetched once; above the server's
// tiledAbove it is a tiled matrix (the order and the overview tile now, finer tiles as the view needs them), and a
// panel's view (an adapter's, a difference) combines the tiles of several models. The fetchers are handed in.

import { tiledMatrix, combinedMatrix, visibleTiles, levelFor, tileKey } from './tiles.js';

const OVERVIEW = tileKey(0, 0, 0);

export class TileLoader {
  /**
   * api: the dataset's API base; fetchers: {getJson(url), fetchTile(api, tile), fetchSimilarity(api, options)};
   * onTile(matrix) hears each tile that arrives, onError(error) each that fails; matrices: order name → matrix.
   */
  constructor({ api, getJson, fetchTile, fetchSimilarity, onTile = () => {}, onError = () => {}, matrices = {} }) {
    Object.assign(this, { api, getJson, fetchTile, fetchSimilarity, onTile, onError, matrices });
    this.tiled = false;
    this.asked = new Set();
  }

  /**
   * Says whether the page is tiled: above tiledAbove no N×N array is fetched. known {n, tiledAbove}, as the page
   * was rendered with, spares the round trip; without it the pyramid is asked.
   */
  async start(known) {
    if (Number.isInteger(known?.n) && Number.isInteger(known?.tiledAbove)) {
      this.tiled = known.n > known.tiledAbove;
      this.n = known.n;
      return this.tiled;
    }
    const pyramid = await this.getJson(`${this.api}/tiles`);
    this.tiled = pyramid.n > pyramid.tiledAbove;
    return this.tiled;
  }

  /** The matrix in one order, downloaded once; onProgress(received, total) hears a dense matrix's bytes arrive. */
  async matrix(order, onProgress) {
    if (this.matrices[order]) return this.matrices[order];
    const matrix = this.tiled ? await this.tiledMatrix(order) : await this.fetchSimilarity(this.api, { order, onProgress });
    this.matrices[order] = matrix;
    return matrix;
  }

  async tiledMatrix(order) {
    // The input order is the identity: with the size known, there is nothing to ask (100,000 indices otherwise).
    const pyramid = order === 'input' && Number.isInteger(this.n)
      ? { n: this.n, order: Int32Array.from({ length: this.n }, (_, k) => k) }
      : await this.getJson(`${this.api}/tiles?order=${encodeURIComponent(order)}`);
    const matrix = tiledMatrix(pyramid.n, Int32Array.from(pyramid.order), new Map());
    matrix.orderName = order;
    matrix.tiles.set(OVERVIEW, await this.fetchTile(this.api, { level: 0, row: 0, col: 0, order }));
    return matrix;
  }

  /**
   * A panel's view from tiles: sources [{model, sign}], model null for the dataset's own, in the base's order;
   * resolves once the overview tiles are in, so maxAbs is known.
   */
  async view(base, sources) {
    const combined = combinedMatrix(base, sources);
    await Promise.all(sources.map(({ model }) => this.fetchTile(this.api, { level: 0, row: 0, col: 0, order: combined.orderName, model })
      .then((values) => combined.addTile(model, OVERVIEW, values))));
    return combined;
  }

  /** Asks for the tiles a viewport shows on `pixels` canvas pixels that are not loaded or asked yet. */
  requestVisible(matrix, viewport, pixels) {
    if (!matrix?.tiled) return;
    const level = levelFor(matrix.finest, viewport.size, pixels);
    for (const tile of visibleTiles(viewport, matrix.n, matrix.finest, level)) {
      for (const { model } of matrix.sources ?? [{ model: null }]) this.request(matrix, tile, model);
    }
  }

  request(matrix, tile, model) {
    const asked = `${model}:${matrix.orderName}:${tile.key}`;
    const loaded = matrix.sources ? matrix.hasTile(model, tile.key) : matrix.tiles.has(tile.key);
    if (loaded || this.asked.has(asked)) return;
    this.asked.add(asked);
    this.fetchTile(this.api, { ...tile, order: matrix.orderName, model: model ?? undefined })
      .then((values) => {
        if (matrix.sources) matrix.addTile(model, tile.key, values);
        else matrix.tiles.set(tile.key, values);
        this.onTile(matrix);
      })
      .catch((error) => this.onError(error))
      .finally(() => this.asked.delete(asked));
  }

  /** Visible tiles of the viewport's level still missing (0 for a dense matrix): the browser test waits for 0. */
  pending(matrix, viewport, pixels) {
    if (!matrix?.tiled) return 0;
    const level = levelFor(matrix.finest, viewport.size, pixels);
    return visibleTiles(viewport, matrix.n, matrix.finest, level).filter((tile) => !matrix.tiles.has(tile.key)).length;
  }
}
