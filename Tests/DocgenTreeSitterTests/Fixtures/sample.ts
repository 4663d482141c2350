import { readFile } from "fs";

/**
 * A shape with an area.
 */
export interface Shape {
    /** The area in square units. */
    area(): number;
}

/** Base of every shape. */
@sealed
export abstract class Base implements Shape {
    private count = 0;

    constructor(readonly name: string) {}

    /**
     * The area.
     * @returns square units
     */
    abstract area(): number;

    // Not a doc comment.
    protected describe(prefix: string): string {
        return `${prefix} ${this.name}`;
    }

    #secret(): void {}
}

export enum Color {
    Red,
    Green,
}

/** Adds two numbers. */
export const add = (a: number, b: number): number => a + b;

const helper = function (x: number) {
    return x * 2;
};

export function area(shape: Shape): number {
    return shape.area();
}

namespace Geometry {
    export function unit(): number {
        return 1;
    }
}
