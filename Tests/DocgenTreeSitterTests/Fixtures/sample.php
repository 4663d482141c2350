<?php
namespace App;
/** A circle. */
final class Circle extends Shape implements HasArea {
    /** Area. */
    public function area(): float { return 1.0; }
    private static function make() {}
}
interface HasArea { public function area(): float; }
trait T { function t() {} }
/** Helper. */
function helper($x) { return $x; }
