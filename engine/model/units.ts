// Branded SI units. A Metres is not a Watts even though both are numbers at run time; the
// brand makes the compiler catch a mix-up. SI inside the engine, conversion at the UI edge.
import { z } from 'zod';

const finite = () => z.number().finite();

export const Metres = finite().brand<'Metres'>();
export type Metres = z.infer<typeof Metres>;
/** A size (width, depth, height, a length that can be ordered): more than nothing. Same type as Metres. */
export const PositiveMetres = finite().positive().brand<'Metres'>();
/** A reach, slack, throw or height above the floor: nothing or more. Same type as Metres. */
export const NonNegativeMetres = finite().nonnegative().brand<'Metres'>();
export const Kilograms = finite().nonnegative().brand<'Kilograms'>();
export type Kilograms = z.infer<typeof Kilograms>;
export const Kilowatts = finite().nonnegative().brand<'Kilowatts'>();
export type Kilowatts = z.infer<typeof Kilowatts>;
export const Watts = finite().nonnegative().brand<'Watts'>();
export type Watts = z.infer<typeof Watts>;
export const Celsius = finite().min(-50).max(150).brand<'Celsius'>();
export type Celsius = z.infer<typeof Celsius>;
export const Kelvin = finite().brand<'Kelvin'>(); // temperature difference
export type Kelvin = z.infer<typeof Kelvin>;
export const Volts = finite().positive().brand<'Volts'>();
export type Volts = z.infer<typeof Volts>;
export const Amperes = finite().nonnegative().brand<'Amperes'>();
export type Amperes = z.infer<typeof Amperes>;
export const CubicMetresPerSecond = finite().nonnegative().brand<'CubicMetresPerSecond'>();
export type CubicMetresPerSecond = z.infer<typeof CubicMetresPerSecond>;
export const LitresPerMinute = finite().nonnegative().brand<'LitresPerMinute'>();
export type LitresPerMinute = z.infer<typeof LitresPerMinute>;
export const GbitPerSecond = finite().nonnegative().brand<'GbitPerSecond'>();
export type GbitPerSecond = z.infer<typeof GbitPerSecond>;
export const GBytePerSecond = finite().nonnegative().brand<'GBytePerSecond'>();
export type GBytePerSecond = z.infer<typeof GBytePerSecond>;
export const Gigabytes = finite().nonnegative().brand<'Gigabytes'>();
export type Gigabytes = z.infer<typeof Gigabytes>;
export const Terabytes = finite().nonnegative().brand<'Terabytes'>();
export type Terabytes = z.infer<typeof Terabytes>;
export const Microseconds = finite().nonnegative().brand<'Microseconds'>();
export type Microseconds = z.infer<typeof Microseconds>;
export const Milliseconds = finite().nonnegative().brand<'Milliseconds'>();
export type Milliseconds = z.infer<typeof Milliseconds>;
export const Nanoseconds = finite().nonnegative().brand<'Nanoseconds'>();
export type Nanoseconds = z.infer<typeof Nanoseconds>;
export const Teraflops = finite().nonnegative().brand<'Teraflops'>();
export type Teraflops = z.infer<typeof Teraflops>;
/** A share of something, 0..1 (efficiency, utilisation, liquid share of heat). */
export const Fraction = finite().min(0).max(1).brand<'Fraction'>();
export type Fraction = z.infer<typeof Fraction>;
/** Money in the catalog's currency (see Catalog.currency). */
export const Money = finite().nonnegative().brand<'Money'>();
export type Money = z.infer<typeof Money>;

/** Rotation about the vertical axis in 90-degree steps. */
export const RotationDeg = z.union([z.literal(0), z.literal(90), z.literal(180), z.literal(270)]);
export type RotationDeg = z.infer<typeof RotationDeg>;

/**
 * A point on the hall floor, metres from the hall's origin corner: x along the hall's length,
 * y along its width. Distinct from a point local to a rack.
 */
export const HallPoint = z.object({ x: Metres, y: Metres }).brand<'HallPoint'>();
export type HallPoint = z.infer<typeof HallPoint>;

// Constructors: the one place a bare number becomes a unit. Use them in generators and tests.
export const m = (v: number) => v as Metres;
export const kg = (v: number) => v as Kilograms;
export const kW = (v: number) => v as Kilowatts;
export const W = (v: number) => v as Watts;
export const degC = (v: number) => v as Celsius;
export const K = (v: number) => v as Kelvin;
export const V = (v: number) => v as Volts;
export const A = (v: number) => v as Amperes;
export const m3s = (v: number) => v as CubicMetresPerSecond;
export const lpm = (v: number) => v as LitresPerMinute;
export const gbps = (v: number) => v as GbitPerSecond;
export const GBps = (v: number) => v as GBytePerSecond;
export const GB = (v: number) => v as Gigabytes;
export const TB = (v: number) => v as Terabytes;
export const us = (v: number) => v as Microseconds;
export const ms = (v: number) => v as Milliseconds;
export const ns = (v: number) => v as Nanoseconds;
export const tflops = (v: number) => v as Teraflops;
export const frac = (v: number) => v as Fraction;
export const money = (v: number) => v as Money;
export const pt = (x: number, y: number) => ({ x: x as Metres, y: y as Metres }) as HallPoint;
