# actbench plot: gnuplot speed_vs_accuracy.gp > speed_vs_accuracy.svg
set terminal svg size 900,520 dynamic noenhanced font 'sans,11' background rgb 'white'
set title 'Sigmoid f32: cycles/value against max error'
set xlabel 'max error, ULP (0 drawn at 0.25)'
set ylabel 'cycles/value (L1 throughput)'
set grid
set key outside right top box
set logscale x
set logscale y
$d0 << EOD
2 2.80539773
2 4.71882225
2 22.3049669
EOD
$d1 << EOD
1 29.2266524
2 13.5735125
847243952 73.5001032
EOD
$d2 << EOD
2 3.44935826
3 2.08510441
3 3.67615418
3 4.88024779
1347 3.03745462
500202 1.01527496
863078065 5.9650597
EOD
$d3 << EOD
2 5.1618954
2 13.5857077
3 3.34899585
4 3.32334224
7619 4.59503391
11858804 8.5971959
EOD
$d4 << EOD
1 29.2266524
2 2.80539773
3 2.08510441
500202 1.01527496
EOD
plot $d0 using 1:2 with points pointsize 1.1 title 'asm', $d1 using 1:2 with points pointsize 1.1 title 'cpp', $d2 using 1:2 with points pointsize 1.1 title 'jit', $d3 using 1:2 with points pointsize 1.1 title 'peer', $d4 using 1:2 with linespoints pointsize 1.1 title 'Pareto front'
