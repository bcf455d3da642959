<?php
// TCPDF: sets the document plans that render_tcpdf.py wrote as JSON.
//
//   php tcpdf_render.php JOBS.json FONTDIR
//
// Paragraphs are written run by run (Write), tables cell by cell with
// MultiCell: the row height is the tallest cell's, the vertical alignment
// MultiCell's own (valign with maxh), the rulings MultiCell borders (all
// sides, top and bottom, none). A row that does not fit goes to a new page,
// after the header row again when the plan asks for it. FONTDIR receives
// the Liberation fonts converted for TCPDF (it ships only DejaVu).

require_once('/usr/share/php/tcpdf/tcpdf.php');

class SheetPDF extends TCPDF {
    public $footerText = '';
    public $family = 'dejavusans';
    public $baseSize = 9;

    public function Header() {
    }

    public function Footer() {
        if ($this->footerText === '') {
            return;
        }
        $this->SetY(-$this->getFooterMargin());
        $this->SetFont($this->family, '', $this->baseSize - 1);
        $this->Cell(0, 10, $this->footerText, 0, 0, 'L');
        $this->SetX($this->lMargin);
        $this->Cell(0, 10, 'Pagina ' . $this->getAliasNumPage() . ' di ' . $this->getAliasNbPages(), 0, 0, 'R');
    }
}

function family_for($pdf, $name, $fontdir) {
    $files = [
        'liberation-sans' => ['LiberationSans-Regular.ttf', 'LiberationSans-Bold.ttf'],
        'liberation-serif' => ['LiberationSerif-Regular.ttf', 'LiberationSerif-Bold.ttf'],
    ];
    if (!isset($files[$name])) {
        return 'dejavusans';
    }
    $alias = str_replace('-', '', $name);
    $styles = ['', 'B'];
    foreach ($files[$name] as $i => $file) {
        $converted = TCPDF_FONTS::addTTFfont('/usr/share/fonts/truetype/liberation/' . $file, 'TrueTypeUnicode', '', 96, $fontdir . '/');
        if ($converted === false) {
            fwrite(STDERR, "font non convertito: $file\n");
            exit(2);
        }
        $pdf->AddFont($alias, $styles[$i], $fontdir . '/' . $converted . '.php');
    }
    return $alias;
}

function paragraph($pdf, $block) {
    $pdf->Ln($block['space_before']);
    $h = $block['size'] * 1.25;
    if ($block['align'] === 'center') {
        $text = '';
        foreach ($block['runs'] as $run) {
            $text .= $run['text'];
        }
        $pdf->SetFont($pdf->family, $block['runs'][0]['bold'] ? 'B' : '', $block['size']);
        $pdf->MultiCell(0, $h, $text, 0, 'C', false, 1);
        return;
    }
    foreach ($block['runs'] as $run) {
        $pdf->SetFont($pdf->family, $run['bold'] ? 'B' : '', $block['size']);
        $pdf->Write($h, $run['text']);
    }
    $pdf->Ln($h);
}

function cell_font($pdf, $table, $cell, $is_header) {
    $pdf->SetFont($pdf->family, ($cell['bold'] || $is_header) ? 'B' : '', $table['size']);
}

function row_height($pdf, $table, $cells, $is_header) {
    $h = 0;
    foreach ($cells as $i => $cell) {
        cell_font($pdf, $table, $cell, $is_header);
        $h = max($h, $pdf->getStringHeight($table['widths'][$i], $cell['text']));
    }
    return $h;
}

function draw_row($pdf, $table, $cells, $is_header, $h) {
    $border = ['grid' => 1, 'horizontal' => 'TB', 'none' => 0][$table['rules']];
    $valign = $table['valign'] === 'middle' ? 'M' : 'T';
    $x = $pdf->getMargins()['left'];
    $y = $pdf->GetY();
    $pdf->SetFillColor(230, 230, 230);
    foreach ($cells as $i => $cell) {
        cell_font($pdf, $table, $cell, $is_header);
        $w = $table['widths'][$i];
        $pdf->MultiCell($w, $h, $cell['text'], $border, 'L', $is_header, 0, $x, $y, true, 0, false, true, $h, $valign);
        $x += $w;
    }
    $pdf->SetY($y + $h);
}

function table($pdf, $table) {
    $pdf->Ln(3);
    $pdf->setCellPaddings(3, 2, 3, 3);
    $pdf->setCellHeightRatio(1.2);
    $header = $table['header'] ? $table['rows'][0] : null;
    // SetAutoPageBreak(false) also sets the bottom margin to 0: read it first.
    $margin = $pdf->getMargins()['bottom'];
    $bottom = $pdf->getPageHeight() - $margin;
    $pdf->SetAutoPageBreak(false);
    foreach ($table['rows'] as $r => $cells) {
        $is_header = $table['header'] && $r === 0;
        $h = row_height($pdf, $table, $cells, $is_header);
        if ($pdf->GetY() + $h > $bottom) {
            $pdf->AddPage();
            if ($header !== null && !$is_header && $table['repeat_header']) {
                draw_row($pdf, $table, $header, true, row_height($pdf, $table, $header, true));
            }
        }
        draw_row($pdf, $table, $cells, $is_header, $h);
    }
    $pdf->SetAutoPageBreak(true, $margin);
    $pdf->setCellPaddings(0, 0, 0, 0);
}

function render($job, $fontdir) {
    $doc = $job['doc'];
    $orientation = $doc['page_width'] > $doc['page_height'] ? 'L' : 'P';
    $pdf = new SheetPDF($orientation, 'pt', 'A4', true, 'UTF-8', false);
    $pdf->SetCreator('TCPDF');
    $pdf->SetTitle('PEG ' . $doc['code']);
    $pdf->setPrintHeader(false);
    $pdf->setPrintFooter($doc['footer'] !== '');
    $pdf->footerText = $doc['footer'];
    $pdf->baseSize = $doc['size'];
    $pdf->family = family_for($pdf, $doc['family'], $fontdir);
    $m = $doc['margin'];
    $pdf->SetMargins($m, $m, $m);
    $pdf->setFooterMargin($m * 0.75);
    $pdf->SetAutoPageBreak(true, $m);
    $pdf->AddPage();
    foreach ($doc['blocks'] as $block) {
        if ($block['kind'] === 'para') {
            paragraph($pdf, $block);
        } else {
            table($pdf, $block);
        }
    }
    $pdf->Output($job['path'], 'F');
}

$jobs = json_decode(file_get_contents($argv[1]), true);
foreach ($jobs as $job) {
    render($job, $argv[2]);
}
