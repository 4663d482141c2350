// @ts-check
const fs = require("fs");

/**
 * Reads a file.
 * @param {string} path
 */
async function read(path) {
    return fs.promises.readFile(path, "utf8");
}

class Cache {
    /** Creates an empty cache. */
    constructor() {
        this.entries = new Map();
    }

    get(key) {
        return this.entries.get(key);
    }
}

export const double = (x) => x * 2;

let counter = 0;

module.exports = { read, Cache };
